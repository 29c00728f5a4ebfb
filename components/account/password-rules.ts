// What the server accepts, checked before sending so the operator hears it next to the field.
// The limits are the ones the API and Better Auth apply (lib/shared/account-input.ts re-exports
// them from the zod-free module imported here); the server checks them again.
// Pure: the messages come from the caller's translator (the "account" namespace).
import type { Translator } from "@/components/i18n/translator";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/shared/password-limits";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** "Use at least 12 characters." */
export function passwordTooShort(t: Translator<"account">): string {
  return t("passwordRules.tooShort", { min: PASSWORD_MIN_LENGTH });
}

/** "Use at most 128 characters." */
export function passwordTooLong(t: Translator<"account">): string {
  return t("passwordRules.tooLong", { max: PASSWORD_MAX_LENGTH });
}

/** What is wrong with a new password's length, or undefined when it may be sent. */
export function passwordLengthProblem(
  password: string,
  t: Translator<"account">,
): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return passwordTooShort(t);
  if (password.length > PASSWORD_MAX_LENGTH) return passwordTooLong(t);
  return undefined;
}

export interface NewPasswordProblems {
  password?: string;
  confirmation?: string;
}

// Said under a confirmation that differs (their keys in passwordRules). The change form says
// "new", as it also asks for the current password; the invitation form asks for one password only.
export const PASSWORDS_DIFFER = "passwordsDiffer";
export const NEW_PASSWORDS_DIFFER = "newPasswordsDiffer";

/** What is wrong with a new password and its confirmation; empty when they may be sent. */
export function newPasswordProblems(
  password: string,
  confirmation: string,
  mismatch: typeof PASSWORDS_DIFFER | typeof NEW_PASSWORDS_DIFFER,
  t: Translator<"account">,
): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  const length = passwordLengthProblem(password, t);
  if (length) problems.password = length;
  if (confirmation !== password) problems.confirmation = t(`passwordRules.${mismatch}`);
  return problems;
}
