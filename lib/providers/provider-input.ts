import { z } from "zod";
import { nameInput } from "../shared/name-input";

export const createProviderInput = z.strictObject({ name: nameInput });
export type CreateProviderInput = z.infer<typeof createProviderInput>;

/** PATCH /api/providers/{id}: the provider's name is all there is to change. */
export const updateProviderInput = z.strictObject({ name: nameInput });
export type UpdateProviderInput = z.infer<typeof updateProviderInput>;
