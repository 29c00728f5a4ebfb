// Generated hostile requests against the authentication routes (/api/auth/..., Better Auth behind
// the console's gate, lib/http/auth-gate.ts), signed out and signed in: whatever the path, method,
// headers and body, no answer is a 5xx, every refusal is the console's JSON error shape, and a
// refused request changes nothing in the database. Passwords in the bodies are never the signed-in
// operator's, so nothing is meant to succeed but reads and harmless updates. The session-ending
// routes are sent signed out only, so the signed-in sender keeps its session. PROPERTY_SEED and
// PROPERTY_RUNS override the fixed seed and the 600 runs.
import fc from "fast-check";
import { expect, test } from "../fixtures";
import { openDatabaseFingerprint } from "../support/database-fingerprint";
import { resolveE2eDatabaseUrl } from "../support/e2e-database";
import { cookieOf, isErrorShape, jsonValue, nastyText } from "../support/hostile-values";
import { sendRaw } from "../support/raw-http";

const SEED = Number(process.env.PROPERTY_SEED ?? 20261207);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 600);

/** The routes the console serves, and some of the library's that it does not. */
const SERVED = [
  ["/get-session", "GET"],
  ["/list-sessions", "GET"],
  ["/sign-in/email", "POST"],
  ["/change-password", "POST"],
  ["/update-user", "POST"],
  ["/two-factor/enable", "POST"],
  ["/two-factor/disable", "POST"],
  ["/two-factor/generate-backup-codes", "POST"],
  ["/two-factor/verify-totp", "POST"],
  ["/two-factor/verify-backup-code", "POST"],
] as const;
const SESSION_ENDING = [
  "/sign-out",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
];
const NOT_SERVED = [
  "/sign-up/email",
  "/delete-user",
  "/change-email",
  "/request-password-reset",
  "/reset-password",
  "/two-factor/get-totp-uri",
  "/two-factor/send-otp",
  "/list-accounts",
  "/ok",
  "/error",
  "/sign-in/social",
  "/%2e%2e/health",
  "/sign-in/email/",
];

const KEYS = [
  "email",
  "password",
  "name",
  "code",
  "token",
  "currentPassword",
  "newPassword",
  "revokeOtherSessions",
  "rememberMe",
  "trustDevice",
  "image",
  "callbackURL",
  "consoleAdmin",
  "twoFactorEnabled",
];
const value = fc.oneof(
  nastyText,
  fc.constantFrom(
    "ops@e2e.test",
    "a-wrong-password-0123",
    "123456",
    "AAAAA-BBBBB",
    "x".repeat(101),
  ),
  jsonValue,
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }).map((o) => JSON.stringify(o)),
  jsonValue.map((v) => JSON.stringify(v) ?? "null"),
  nastyText,
  fc.constantFrom("{}", '{"email": ', "[", "\u0000"),
);

test("no generated request to the authentication routes gets a 5xx; refusals are JSON and change nothing", async ({
  baseURL,
  requestAs,
  operator,
}) => {
  test.setTimeout(10 * 60_000);
  if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
  const signedIn = await cookieOf(await requestAs(operator));
  const senders = [
    { name: "signed out", cookie: null },
    { name: "signed in", cookie: signedIn },
  ];
  const origin = new URL(baseURL).origin;
  const path = fc.oneof(
    { arbitrary: fc.constantFrom(...SERVED.map(([route]) => route)), weight: 6 },
    { arbitrary: fc.constantFrom(...SESSION_ENDING), weight: 1 },
    { arbitrary: fc.constantFrom(...NOT_SERVED), weight: 2 },
  );
  const request = fc.record({
    path,
    method: fc.oneof(
      { arbitrary: fc.constant("POST"), weight: 6 },
      { arbitrary: fc.constantFrom("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"), weight: 2 },
    ),
    origin: fc.constantFrom(origin, origin, origin, "", "http://evil.example"),
    contentType: fc.constantFrom("application/json", "application/json", "text/plain", ""),
    body,
    sender: fc.constantFrom(...senders),
  });
  // Counted on purpose by refused sign-ins: Better Auth's per-address counters.
  const fingerprint = await openDatabaseFingerprint(
    resolveE2eDatabaseUrl(Number(new URL(baseURL).port)),
    ["AuthRateLimit"],
  );
  const statuses = new Map<number, number>();
  try {
    let before = await fingerprint.take();
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const sessionEnding = SESSION_ENDING.includes(generated.path);
        const cookie = sessionEnding ? null : generated.sender.cookie;
        const headers: Record<string, string> = {};
        if (generated.origin) headers.origin = generated.origin;
        if (generated.contentType) headers["content-type"] = generated.contentType;
        if (cookie) headers.cookie = cookie;
        const withBody =
          generated.body !== undefined && !["GET", "HEAD"].includes(generated.method);
        const sent = {
          method: generated.method,
          path: `/api/auth${generated.path}`,
          headers,
          ...(withBody ? { body: generated.body } : {}),
        };
        const answer = await sendRaw(baseURL, sent);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const what = `${cookie ? "signed in" : "signed out"}: ${sent.method} ${sent.path} ${String(sent.body).slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 300)}`;
        expect(answer.status, what).toBeLessThan(500);
        if (answer.status >= 400 && sent.method !== "HEAD") {
          expect(isErrorShape(answer), `not the JSON error shape: ${what}`).toBe(true);
        }
        const previous = before;
        const after = await fingerprint.take();
        before = after;
        if (answer.status >= 400) {
          expect(after, `a refused request changed data: ${what}`).toBe(previous);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const tally = [...statuses].sort(([a], [b]) => a - b);
    console.log(
      `[property] auth routes, seed ${SEED}, ${RUNS} runs, answers: ${JSON.stringify(tally)}`,
    );
    // The generator reaches past the gate: successes, rule breaks, unknown routes, refusals.
    for (const status of [200, 400, 401, 404]) {
      expect(statuses.get(status) ?? 0, `answers with status ${status}`).toBeGreaterThan(0);
    }
  } finally {
    await fingerprint.close();
  }
});
