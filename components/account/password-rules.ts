// What the server accepts, checked before sending so the operator hears it next to the field.
// Mirrors lib/auth/auth.ts (minPasswordLength: 12) and Better Auth's default maximum (128): that
// module is server code, so the numbers cannot be imported here; the server checks them again.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const PASSWORD_TOO_SHORT = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
export const PASSWORD_TOO_LONG = `Use at most ${MAX_PASSWORD_LENGTH} characters.`;

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
  if (newPassword.length < MIN_PASSWORD_LENGTH) problems.newPassword = PASSWORD_TOO_SHORT;
  else if (newPassword.length > MAX_PASSWORD_LENGTH) problems.newPassword = PASSWORD_TOO_LONG;
  if (confirmation !== newPassword)
    problems.confirmation = "The two new passwords are not the same.";
  return problems;
}
