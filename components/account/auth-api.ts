import { ApiError } from "@/components/data/fetch-json";
import { errorBodyField, errorBodyMessage, readJsonBody } from "@/components/data/json-answer";
import type { AuthEndpoint } from "@/lib/auth/auth-inputs";

/**
 * An error answer from Better Auth (/api/auth/...). Its `code` (INVALID_PASSWORD,
 * SESSION_NOT_FRESH, ...) is kept, as the messages are English for developers, not operators.
 */
export class AuthApiError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly code: string | null,
  ) {
    super(status, message);
    this.name = "AuthApiError";
  }
}

/**
 * fetch() for Better Auth's endpoints, named as the console serves them (`"POST /sign-in/email"`,
 * lib/auth/auth-inputs.ts: a name it does not serve does not compile): non-2xx answers throw
 * AuthApiError. A
 * POST always sends a JSON body (`{}` when there is nothing to say), as the console's gate and
 * Better Auth expect one.
 */
export async function authFetchJson<T>(endpoint: AuthEndpoint, body?: unknown): Promise<T> {
  const [method, path] = endpoint.split(" ") as ["GET" | "POST", string];
  const response = await fetch(`/api/auth${path}`, {
    method,
    headers: method === "POST" ? { "content-type": "application/json" } : undefined,
    body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
    cache: "no-store",
  });
  const answer = await readJsonBody(response);
  if (!response.ok) {
    throw new AuthApiError(
      response.status,
      errorBodyMessage(answer, response.status),
      errorBodyField(answer, "code"),
    );
  }
  return answer as T;
}

/** The answer's code, when `error` is Better Auth's. */
export function authErrorCode(error: unknown): string | null {
  return error instanceof AuthApiError ? error.code : null;
}

/** Why Better Auth refused a two-factor step, for the page to word; null when it is not one. */
export type TwoFactorRefusal =
  | "wrong-code"
  | "reused-code"
  | "wrong-password"
  /** The sign-in's two-factor state is gone or locked: sign in again from the start. */
  | "start-again"
  | "too-many-attempts";

/** The one reading of Better Auth's codes for two-factor refusals (sign-in and account page). */
export function twoFactorRefusal(error: unknown): TwoFactorRefusal | null {
  const code = authErrorCode(error);
  if (code === "INVALID_CODE") return "wrong-code";
  if (code === "REUSED_CODE") return "reused-code";
  if (code === "INVALID_PASSWORD") return "wrong-password";
  if (
    code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" ||
    code === "INVALID_TWO_FACTOR_COOKIE" ||
    code === "ACCOUNT_TEMPORARILY_LOCKED"
  ) {
    return "start-again";
  }
  if (error instanceof AuthApiError && error.status === 429) return "too-many-attempts";
  return null;
}
