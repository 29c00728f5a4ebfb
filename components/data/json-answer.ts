// How the console's two fetch helpers (fetch-json.ts for our route handlers, account/auth-api.ts for
// Better Auth) read an answer, so an error body is understood the same way by both.

/** The answer's JSON body; null when it is empty or not JSON (a proxy's error page, say). */
export async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the caller falls through with the status alone.
    return null;
  }
}

/** A string field of an error body (`message`; Better Auth's `code`), or null when absent. */
export function errorBodyField(body: unknown, field: string): string | null {
  if (!body || typeof body !== "object") return null;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === "string" ? value : null;
}

/** The error body's `message`, or one naming the status when the server sent none. */
export function errorBodyMessage(body: unknown, status: number): string {
  return errorBodyField(body, "message") ?? `Request failed with status ${status}`;
}
