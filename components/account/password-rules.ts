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
  newPassword?: string;
  confirmation?: string;
}

/** What is wrong with the new password and its confirmation; empty when they may be sent. */
export function newPasswordProblems(
  newPassword: string,
  confirmation: string,
): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  const length = passwordLengthProblem(newPassword);
  if (length) problems.newPassword = length;
  if (confirmation !== newPassword)
    problems.confirmation = "The two new passwords are not the same.";
  return problems;
}
