import { generateNumericId } from "../channels/credentials";
import type { Db } from "../db/client";
import { withFreshId } from "../db/unique";
import type { CreateProviderInput } from "./provider-input";

export async function createProvider(db: Db, input: CreateProviderInput) {
  return withFreshId(() =>
    db.provider.create({ data: { id: generateNumericId(), name: input.name } }),
  );
}
