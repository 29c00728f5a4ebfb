// Generated hostile requests against every route of the console and the LINE-compatible API,
// sent signed out and signed in as each provider role (Admin, Member, Viewer) and as an operator
// of another provider: whatever the path ids, query strings, bodies, methods and headers, the
// server never answers 5xx (but for TRACE, which no resource supports: 501), every refusal is the
// JSON error shape, a refused request changes nothing in the database, and no one gets a change
// through that their role does not allow. Runs on a console and database of its own (the property
// project's web server), one spec at a time, so the database fingerprint sees only its own
// requests. PROPERTY_SEED and PROPERTY_RUNS override the fixed seed
// and the 1,000 runs; fast-check prints the seed and the shrunk request when a case fails.
import fc from "fast-check";
import { expect, test } from "../fixtures";
import { invitationToken, type ProviderRole } from "../support/console-api";
import { openDatabaseFingerprint } from "../support/database-fingerprint";
import { resolveE2eDatabaseUrl } from "../support/e2e-database";
import { cookieOf, isErrorShape, jsonValue, nastyText } from "../support/hostile-values";
import { type RawRequest, sendRaw } from "../support/raw-http";

const SEED = Number(process.env.PROPERTY_SEED ?? 20261127);
/** Replaced in each request by the server's origin (baseURL), known only when the test runs. */
const CONSOLE_ORIGIN = "console-origin";
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** Objects with the properties the routes know, so that generated bodies get past the shape. */
const KNOWN_KEYS = [
  "name",
  "description",
  "webhookUrl",
  "useWebhook",
  "webhookRedelivery",
  "errorStatisticsAggregation",
  "notificationEmail",
  "errorNotification",
  "text",
  "userId",
  "events",
  "endpoint",
  "type",
  "message",
];
const knownShapedObject = fc.dictionary(fc.constantFrom(...KNOWN_KEYS), jsonValue, { maxKeys: 4 });

const body = fc.oneof(
  fc.constant(undefined),
  knownShapedObject.map((object) => JSON.stringify(object)),
  jsonValue.map((value) => JSON.stringify(value) ?? "null"),
  nastyText,
  fc.constantFrom('{"name": ', "{'a': 1}", "[", '{"a":1}garbage', "\u0000"),
);

const QUERY_KEYS = ["from", "to", "bucket", "reason", "page", "pageSize", "limit", "before"];
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })),
      fc.oneof(
        nastyText.map((text) => encodeURIComponent(text.replace(/\p{Cs}/gu, "\ufffd"))),
        fc.constantFrom("%", "%ZZ", "%C0%AE", "1", "minute", "could_not_connect"),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) =>
    pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&")}` : "",
  );

/** Who sends a request: the session cookie it carries, and what its role may change. */
interface Sender {
  name: "signed out" | ProviderRole | "outsider";
  cookie: string | null;
}

/** May `sender` change data through this request (a write to the console's API)? */
function mayChange(sender: Sender, method: string, path: string, authorization: string): boolean {
  if (path.startsWith("/v2/")) return true; // the channel's token, checked on its own
  // Revealing the secret is logged in the audit log: an Admin's read that writes.
  if (method === "GET" && /\/secret(\?|$)/.test(path)) return sender.name === "admin";
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(method)) return false;
  // The events route also takes the channel's token, with or without a session.
  if (/\/events(\?|$)/.test(path) && authorization.startsWith("Bearer ")) return true;
  if (path.startsWith("/api/providers?") || path === "/api/providers") {
    return sender.cookie !== null; // any operator may create a provider
  }
  // Writes to a provider or a channel: Admins all, Members the channel's settings and sends.
  if (sender.name === "admin") return true;
  return (
    sender.name === "member" &&
    /\/api\/channels\/[^/]+(\/(events|webhook\/verify))?(\?|$)/.test(path)
  );
}

function requests(ids: { channelId: string; providerId: string; accessToken: string }) {
  const segment = fc.oneof(
    fc.constantFrom(ids.channelId, ids.providerId, "1000000000", "0123456789"),
    fc.constantFrom(
      "%ZZ",
      "%",
      "%C0%AE",
      "..",
      "%2e%2e",
      "%00",
      "%E3%81",
      "%F0%9F%98",
      "1e9",
      "-1",
    ),
    fc.string({ unit: "binary", maxLength: 30 }).map((text) => encodeURIComponent(text) || "x"),
  );
  // Every route, with the methods it has ({id}: a generated path segment).
  // DELETE of the provider and channel under test is left out: one success would turn every
  // later request into a 404. Deleting is proven by its own specs.
  const routes: [template: string, methods: string[]][] = [
    ["/api/providers", ["GET", "POST"]],
    ["/api/providers/{id}", ["GET", "PATCH"]],
    ["/api/providers/{id}/channels", ["POST"]],
    ["/api/providers/{id}/members", ["GET", "POST"]],
    ["/api/providers/{id}/members/{id}", ["PATCH", "DELETE"]],
    ["/api/providers/{id}/invitations/{id}", ["DELETE"]],
    ["/api/providers/{id}/audit", ["GET"]],
    ["/api/invitations/accept", ["POST"]],
    ["/api/channels/{id}", ["GET", "PATCH"]],
    ["/api/channels/{id}/audit", ["GET"]],
    ["/api/channels/{id}/secret", ["GET", "POST"]],
    ["/api/channels/{id}/events", ["POST"]],
    ["/api/channels/{id}/deliveries", ["GET"]],
    ["/api/channels/{id}/webhooks/{id}", ["GET"]],
    ["/api/channels/{id}/webhook/verify", ["POST"]],
    ["/api/channels/{id}/access-token", ["GET", "POST"]],
    ["/api/channels/{id}/statistics/errors", ["GET"]],
    ["/api/channels/{id}/statistics/errors.tsv", ["GET"]],
    ["/v2/bot/channel/webhook/endpoint", ["GET", "PUT"]],
    ["/v2/bot/channel/webhook/test", ["POST"]],
  ];
  const target = fc.constantFrom(...routes).chain(([template, methods]) =>
    fc.record({
      path: fc
        .tuple(segment, segment)
        .map(([first, second]) => template.replace("{id}", first).replace("{id}", second)),
      // Mostly the route's own methods, so that most requests reach its handler.
      method: fc.oneof(
        { arbitrary: fc.constantFrom(...methods), weight: 7 },
        {
          arbitrary: fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "OPTIONS", "TRACE"),
          weight: 3,
        },
      ),
    }),
  );
  const headers = fc.record({
    // The console's own origin mostly, so that signed-in requests get past the CSRF check.
    origin: fc.constantFrom(
      CONSOLE_ORIGIN,
      CONSOLE_ORIGIN,
      CONSOLE_ORIGIN,
      "",
      "http://evil.example",
    ),
    "content-type": fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ),
    authorization: fc.constantFrom(
      "",
      `Bearer ${ids.accessToken}`,
      `Bearer ${"A".repeat(171)}=`,
      "Bearer",
      "Basic dXNlcjpwYXNz",
    ),
  });
  return fc
    .record({ target, query: queryString, headers, body })
    .map(({ target: { method, path: route }, query, headers, body }): RawRequest => {
      const path = route + query;
      const sent: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) if (value) sent[name] = value;
      // GET, HEAD and TRACE carry no body.
      const withBody = body !== undefined && !["GET", "HEAD", "TRACE"].includes(method);
      return { method, path, headers: sent, ...(withBody ? { body } : {}) };
    });
}

test("no generated request gets a 5xx; refusals are JSON and change nothing; roles hold", async ({
  api,
  guestApi,
  baseURL,
  sessionCookie,
  operator,
  requestAs,
  uniqueName,
  uniqueEmail,
  freshChannel: { provider, channel },
}) => {
  test.setTimeout(10 * 60_000);
  if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
  const { accessToken } = await api.issueAccessToken(channel.id);
  // The worker's operator is the provider's Admin; a Member, a Viewer and an outsider join it.
  const senders: Sender[] = [
    { name: "signed out", cookie: null },
    { name: "admin", cookie: sessionCookie },
  ];
  for (const role of ["member", "viewer"] as const) {
    const email = uniqueEmail(role);
    const token = invitationToken(await api.addMember(provider.id, email, role));
    const password = `${uniqueName("pw").replaceAll(" ", "-")}-long-enough`;
    const accepted = await guestApi.acceptInvitation({ token, name: role, password });
    expect(accepted.role).toBe(role);
    senders.push({ name: role, cookie: await cookieOf(await requestAs({ email, password })) });
  }
  senders.push({ name: "outsider", cookie: await cookieOf(await requestAs(operator)) });

  const fingerprint = await openDatabaseFingerprint(
    resolveE2eDatabaseUrl(Number(new URL(baseURL).port)),
  );
  const origin = new URL(baseURL).origin;
  try {
    let before = await fingerprint.take();
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        requests({ channelId: channel.id, providerId: provider.id, accessToken }),
        fc.constantFrom(...senders),
        async (generated, sender) => {
          const headers: Record<string, string> = { ...generated.headers };
          if (headers.origin === CONSOLE_ORIGIN) headers.origin = origin;
          if (sender.cookie) headers.cookie = sender.cookie;
          const request = { ...generated, headers };
          const answer = await sendRaw(baseURL, request);
          const tally = `${sender.name} ${answer.status}`;
          statuses.set(tally, (statuses.get(tally) ?? 0) + 1);
          const what = `${sender.name}: ${request.method} ${request.path} → ${answer.status} ${answer.body.slice(0, 300)}`;
          // TRACE has no resource that supports it: 501, as HTTP prescribes (scripts/serve.mjs).
          if (request.method === "TRACE") expect(answer.status, what).toBe(501);
          else expect(answer.status, what).toBeLessThan(500);
          if (answer.status >= 400 && request.method !== "HEAD") {
            expect(isErrorShape(answer), `not the JSON error shape: ${what}`).toBe(true);
          }
          // Taken before any assertion: a failing run must not leave the next (fast-check
          // shrinking) comparing against a state from before it.
          const previous = before;
          const after = await fingerprint.take();
          before = after;
          if (answer.status >= 400)
            expect(after, `a refused request changed data: ${what}`).toBe(previous);
          // Signed out, the console's API answers nothing but refusals (its /v2 routes and the
          // events route take a channel's token instead).
          const tokenRoute = /\/events(\?|$)/.test(request.path) || request.path.startsWith("/v2/");
          if (sender.cookie === null && request.path.startsWith("/api/") && !tokenRoute) {
            // (A 308 to the path without its trailing slash, and OPTIONS, say nothing either.)
            const refused = answer.status >= 300 || request.method === "OPTIONS";
            expect(refused, `answered signed out: ${what}`).toBe(true);
          }
          const allowed =
            mayChange(sender, request.method, request.path, headers.authorization ?? "") ||
            request.path.startsWith("/api/invitations/accept");
          if (!allowed) expect(after, `a change the role may not make: ${what}`).toBe(previous);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    const tally = [...statuses].sort(([a], [b]) => a.localeCompare(b));
    console.log(`[property] seed ${SEED}, ${RUNS} runs, answers: ${JSON.stringify(tally)}`);
    // The generator must reach past the first refusals: successes and every kind of 4xx, for
    // every sender.
    const seen = (name: string, status: number) => statuses.get(`${name} ${status}`) ?? 0;
    for (const status of [200, 400, 404, 405]) {
      expect(seen("admin", status), `admin answers with status ${status}`).toBeGreaterThan(0);
    }
    expect(seen("signed out", 401), "signed out: 401").toBeGreaterThan(0);
    expect(seen("viewer", 403), "viewer: 403").toBeGreaterThan(0);
    expect(seen("member", 403), "member: 403").toBeGreaterThan(0);
    expect(seen("outsider", 404), "outsider: 404").toBeGreaterThan(0);
    for (const sender of senders.filter((candidate) => candidate.cookie !== null)) {
      expect(seen(sender.name, 200), `${sender.name}: 200`).toBeGreaterThan(0);
    }
  } finally {
    await fingerprint.close();
  }
});
