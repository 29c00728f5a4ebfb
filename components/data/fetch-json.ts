import { signInPath } from "@/lib/shared/sign-in-return";
import { errorBodyMessage, readJsonBody } from "./json-answer";

/** An error answer from our route handlers, carrying their message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Sends the browser to the sign-in page, which comes back to where the operator was. The promise
 * never settles: the page is being left, and an error shown for the moment before would only
 * flash.
 */
function signInAgain(): Promise<never> {
  const { pathname, search } = window.location;
  window.location.assign(signInPath(`${pathname}${search}`));
  return new Promise<never>(() => {});
}

/**
 * fetch() for our JSON route handlers: non-2xx answers throw ApiError with the server's message.
 * A 401 means the session has ended (signed out elsewhere, expired): the operator is sent to sign
 * in again instead of seeing an error.
 */
export async function fetchJson<T>(
  url: string,
  init?: { method?: string; body?: unknown },
): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  });
  if (response.status === 401 && typeof window !== "undefined") return signInAgain();
  const body = await readJsonBody(response);
  if (!response.ok) throw new ApiError(response.status, errorBodyMessage(body, response.status));
  return body as T;
}
