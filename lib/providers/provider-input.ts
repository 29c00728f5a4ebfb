import { z } from "zod";
import { nameInput } from "../shared/name-input";

export const createProviderInput = z.strictObject({ name: nameInput });
export type CreateProviderInput = z.infer<typeof createProviderInput>;
