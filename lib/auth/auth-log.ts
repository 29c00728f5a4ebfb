// Better Auth's log lines, written as the console writes its own (docs/operations.md, "Defences"): one line
// each, control characters escaped, credentials masked, and a database error by its class and code
// only (its message can quote the query's values).
import { isAPIError } from "better-auth/api";
import { describeError, redactCredentials } from "../logging/describe-error";
import { escapeControlCharacters } from "../logging/one-line";

type Level = "debug" | "info" | "warn" | "error";

function describe(value: unknown): string {
  if (value instanceof Error) return describeError(value);
  if (typeof value === "string") return redactCredentials(value);
  try {
    return redactCredentials(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** The line for one of Better Auth's log calls. */
export function authLogLine(level: Level, message: string, args: readonly unknown[]): string {
  const text = [message, ...args].map(describe).join(" ");
  return `[auth] ${level}: ${escapeControlCharacters(text)}`;
}

/**
 * Better Auth's `onAPIError.onError`: an error a request ended with. A refusal (a wrong password,
 * a bad code) is the client's, answered as such and not logged; anything else is logged as the
 * console logs its own (the library's default would print the raw message).
 */
export function logAuthError(error: unknown): void {
  if (isAPIError(error) && error.status !== "INTERNAL_SERVER_ERROR") return;
  console.error(authLogLine("error", "a request failed:", [error]));
}

/** Better Auth's `logger` option: warnings and errors, to the server's error output. */
export const authLogger = {
  level: "warn" as const,
  log(level: Level, message: string, ...args: unknown[]) {
    console.error(authLogLine(level, message, args));
  },
};
