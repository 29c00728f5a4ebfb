// The password lengths Better Auth accepts (lib/auth/auth.ts), without zod: the console's forms
// import them, and importing lib/shared/account-input.ts would put zod in the browser's bundle.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
