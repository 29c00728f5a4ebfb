// What the property specs send and check: generated hostile values, and the console's JSON error
// shape. Strings without ":" can never form a URL, so no generated request makes the server call
// an address outside this machine.
import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import type { RawAnswer } from "./raw-http";

// The only URLs are the loopback ones below (port 9 is closed).
export const LOOPBACK_URLS = [
  "http://127.0.0.1:9/hook",
  "https://127.0.0.1:9/x",
  "http://localhost:9/",
];
export const noColon = (text: string) => !text.includes(":");

export const nastyText = fc.oneof(
  fc.constantFrom(
    "\ud800",
    "a\udfffb",
    "\u0000",
    "\u202e",
    "𝕏🤖",
    "../../etc/passwd",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "1e309",
    "-0",
    "NaN",
    "null",
    "0x10",
    " 5",
    "10000",
    "-000001-12-30T00",
    "2026-11-27",
    "",
    " ",
    "x".repeat(5001),
  ),
  fc.string({ unit: "binary", maxLength: 40 }).filter(noColon),
  fc.string({ maxLength: 300 }).filter(noColon),
  fc.constantFrom(...LOOPBACK_URLS),
);

export const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nastyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(nastyText, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** The JSON error shape: `{"message": string, "details"?: [{property, message}]}`. */
export function isErrorShape(answer: RawAnswer): boolean {
  if (!String(answer.headers["content-type"]).includes("application/json")) return false;
  try {
    const parsed = JSON.parse(answer.body) as { message?: unknown; details?: unknown };
    if (typeof parsed.message !== "string" || parsed.message === "") return false;
    if (parsed.details === undefined) return true;
    return (
      Array.isArray(parsed.details) &&
      parsed.details.every(
        (detail: { property?: unknown; message?: unknown }) =>
          typeof detail.property === "string" && typeof detail.message === "string",
      )
    );
  } catch {
    return false;
  }
}

/** The session cookie of a signed-in API client, as a `Cookie` header value. */
export async function cookieOf(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  return cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}
