import { z } from "zod";

/** The name of a provider or a channel: what the console lists it by. */
export const nameInput = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");
