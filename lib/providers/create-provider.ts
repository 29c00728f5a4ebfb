import "server-only";
import { generateNumericId } from "../channels/credentials";
import type { Db } from "../db/client";
import { withFreshId } from "../db/unique";
import type { CreateProviderInput } from "./provider-input";
import { toProviderView } from "./provider-view";

export async function createProvider(db: Db, input: CreateProviderInput) {
  const provider = await withFreshId(() =>
    db.provider.create({ data: { id: generateNumericId(), name: input.name } }),
  );
  return toProviderView(provider);
}
