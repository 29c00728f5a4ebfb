import { ApiError } from "@/components/data/fetch-json";
import { authErrorCode } from "./auth-api";
import { PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from "./password-rules";

/** What to tell the operator when POST /api/auth/change-password fails. */
export function changePasswordErrorMessage(error: unknown): string {
  switch (authErrorCode(error)) {
    case "INVALID_PASSWORD":
      return "The current password is not right.";
    case "PASSWORD_TOO_SHORT":
      return PASSWORD_TOO_SHORT;
    case "PASSWORD_TOO_LONG":
      return PASSWORD_TOO_LONG;
  }
  if (!(error instanceof ApiError)) return "The console did not answer. Try again.";
  if (error.status === 401) return "Your session has ended. Sign in again to change your password.";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return "The password was not changed. Try again.";
}
