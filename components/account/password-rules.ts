// What the server accepts, checked before sending so the operator hears it next to the field.
// The limits are the ones the API and Better Auth apply (lib/shared/account-input.ts re-exports
// them from the zod-free module imported here); the server checks them again.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/shared/password-limits";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export const PASSWORD_TOO_SHORT = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
export const PASSWORD_TOO_LONG = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;

/** What is wrong with a new password's length, or undefined when it may be sent. */
export function passwordLengthProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return PASSWORD_TOO_SHORT;
  if (password.length > PASSWORD_MAX_LENGTH) return PASSWORD_TOO_LONG;
  return undefined;
}

export interface NewPasswordProblems {
  password?: string;
  confirmation?: string;
}

// Said under a confirmation that differs. The change form says "new", as it also asks for the
// current password; the invitation form asks for one password only.
export const PASSWORDS_DIFFER = "The two passwords are not the same.";
export const NEW_PASSWORDS_DIFFER = "The two new passwords are not the same.";

/** What is wrong with a new password and its confirmation; empty when they may be sent. */
export function newPasswordProblems(
  password: string,
  confirmation: string,
  mismatch: typeof PASSWORDS_DIFFER | typeof NEW_PASSWORDS_DIFFER,
): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  const length = passwordLengthProblem(password);
  if (length) problems.password = length;
  if (confirmation !== password) problems.confirmation = mismatch;
  return problems;
}
