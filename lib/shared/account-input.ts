// The rules for an operator's email and password, shared by the API, the start-up settings and
// the console's forms. Pure.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-limits";

/** Better Auth's limits (lib/auth/auth.ts). */
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** An email as accounts store it: trimmed and lowercase. */
export const emailInput = z
  .string({ error: "must be a string" })
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be an email address" }));

export const newPasswordInput = z
  .string({ error: "must be a string" })
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
