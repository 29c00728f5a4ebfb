import { z } from "zod";

export const providerNameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

export const createProviderInput = z.strictObject({ name: providerNameSchema });
export type CreateProviderInput = z.infer<typeof createProviderInput>;
