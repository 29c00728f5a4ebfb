import { ApiError } from "@/components/data/fetch-json";
import type { Translator } from "@/components/i18n/translator";
import { authErrorCode } from "./auth-api";
import { passwordTooLong, passwordTooShort } from "./password-rules";

/** What to tell the operator when POST /api/auth/change-password fails. */
export function changePasswordErrorMessage(error: unknown, t: Translator<"account">): string {
  switch (authErrorCode(error)) {
    case "INVALID_PASSWORD":
      return t("changePasswordErrors.invalidPassword");
    case "PASSWORD_TOO_SHORT":
      return passwordTooShort(t);
    case "PASSWORD_TOO_LONG":
      return passwordTooLong(t);
  }
  if (!(error instanceof ApiError)) return t("changePasswordErrors.noAnswer");
  if (error.status === 401) return t("changePasswordErrors.sessionEnded");
  if (error.status === 429) return t("changePasswordErrors.tooManyAttempts");
  return t("changePasswordErrors.notChanged");
}
