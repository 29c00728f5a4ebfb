import { ApiError } from "@/components/data/fetch-json";
import { errorBodyField, errorBodyMessage, readJsonBody } from "@/components/data/json-answer";

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
 * fetch() for Better Auth's endpoints: non-2xx answers throw AuthApiError. A POST always sends a
 * JSON body (`{}` when there is nothing to say), as the console's proxy and Better Auth expect one.
 */
export async function authFetchJson<T>(
  path: string,
  init?: { method?: "GET" | "POST"; body?: unknown },
): Promise<T> {
  const method = init?.method ?? "GET";
  const response = await fetch(`/api/auth${path}`, {
    method,
    headers: method === "POST" ? { "content-type": "application/json" } : undefined,
    body: method === "POST" ? JSON.stringify(init?.body ?? {}) : undefined,
    cache: "no-store",
  });
  const body = await readJsonBody(response);
  if (!response.ok) {
    throw new AuthApiError(
      response.status,
      errorBodyMessage(body, response.status),
      errorBodyField(body, "code"),
    );
  }
  return body as T;
}

/** The answer's code, when `error` is Better Auth's. */
export function authErrorCode(error: unknown): string | null {
  return error instanceof AuthApiError ? error.code : null;
}
