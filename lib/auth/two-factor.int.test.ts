// Two-factor sign-in on SQLite and PostgreSQL, through Better Auth's own handler (ADR 29): codes
// are computed here from the shared secret (lib/dev/testing/totp.ts), not by the library under test.
import { describe, expect, it } from "vitest";
import { CONTRACT_TEST_PASSWORD, memoizedPasswords } from "../dev/testing/memoized-passwords";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { totpCode, totpSecretOf } from "../dev/testing/totp";
import { createProvider } from "../providers/create-provider";
import { CLIENT_ADDRESS_HEADER, createAuth } from "./auth";
import { createOperator } from "./operators";

const ORIGIN = "http://127.0.0.1:3000";
const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const EMAIL = "ops@example.com";

/** A Set-Cookie line's name and `name=value`; null for a cookie it deletes. */
function cookieOf(line: string): [string, string | null] {
  const pair = line.split(";")[0] ?? "";
  return [pair.slice(0, pair.indexOf("=")), /max-age=0/i.test(line) ? null : pair];
}

/** The cookies a response sets (not those it deletes), by name. */
function cookiesOf(response: Response): Set<string> {
  const set = new Set<string>();
  for (const line of response.headers.getSetCookie()) {
    const [name, pair] = cookieOf(line);
    if (pair !== null) set.add(name);
  }
  return set;
}

describe.each(TEST_PROVIDERS)("two-factor sign-in on %s", (provider) => {
  const database = useTestDatabase(provider);
  let address = 0;

  async function setUp() {
    const { db, config } = database();
    // Passwords hashed and checked by Better Auth, remembered within the process: these tests
    // are about the second factor, and sign in with the same password many times.
    const auth = createAuth(db, config, {
      origins: [ORIGIN],
      secret: SECRET,
      password: memoizedPasswords,
    });
    const operator = await createOperator(auth, { email: EMAIL, password: CONTRACT_TEST_PASSWORD });
    if (!operator) throw new Error("the operator exists");
    const team = await createProvider(db, { name: "Team" }, EMAIL, operator.userId);
    /** A browser: its cookies, kept as a browser keeps them. */
    const jar = new Map<string, string>();
    const post = async (path: string, body: unknown) => {
      // Better Auth allows 3 two-factor requests per 10 s and address: each its own address.
      address += 1;
      const response = await auth.handler(
        new Request(`${ORIGIN}/api/auth${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            [CLIENT_ADDRESS_HEADER]: `198.51.100.${address % 250}`,
            cookie: [...jar.values()].join("; "),
          },
          body: JSON.stringify(body),
        }),
      );
      for (const line of response.headers.getSetCookie()) {
        const [name = "", pair] = cookieOf(line);
        if (pair === null) jar.delete(name);
        else jar.set(name, pair);
      }
      return response;
    };
    const signedIn = () => [...jar.keys()].some((name) => name.endsWith("session_token"));
    const signOut = async () => {
      await post("/sign-out", {});
      jar.clear();
    };
    const user = () => db.user.findUniqueOrThrow({ where: { email: EMAIL } });
    const audit = async () =>
      (
        await db.auditEntry.findMany({ where: { providerId: team.id }, orderBy: { id: "asc" } })
      ).map((entry) => entry.action);

    /** Signs in with the password, turns two-factor sign-in on; its secret and recovery codes. */
    const enable = async () => {
      expect(
        (await post("/sign-in/email", { email: EMAIL, password: operator.password })).status,
      ).toBe(200);
      const started = await post("/two-factor/enable", { password: operator.password });
      expect(started.status).toBe(200);
      const { totpURI, backupCodes } = (await started.json()) as {
        totpURI: string;
        backupCodes: string[];
      };
      return { secret: totpSecretOf(totpURI), recoveryCodes: backupCodes, uri: totpURI };
    };
    return { db, operator, post, jar, signedIn, signOut, user, audit, enable };
  }

  it("turns on with the password and a first code from the app, and the audit log says so", async () => {
    const { post, user, audit, enable, operator } = await setUp();
    expect((await post("/two-factor/enable", { password: operator.password })).status).toBe(401);
    await post("/sign-in/email", { email: EMAIL, password: operator.password });
    expect((await post("/two-factor/enable", { password: "wrong password!!" })).status).toBe(400);
    expect(await database().db.twoFactor.count()).toBe(0);
    const { secret, recoveryCodes, uri } = await enable();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Webhook%20Console:ops%40example\.com\?/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Set up but not on until a code proves the app has the secret.
    expect((await user()).twoFactorEnabled).toBe(false);
    const wrong = await post("/two-factor/verify-totp", {
      code: "000000" === totpCode(secret) ? "111111" : "000000",
    });
    expect(wrong.status).toBe(401);
    expect((await user()).twoFactorEnabled).toBe(false);
    expect((await post("/two-factor/verify-totp", { code: totpCode(secret) })).status).toBe(200);
    expect((await user()).twoFactorEnabled).toBe(true);
    expect(await audit()).toEqual(["provider.created", "two_factor.enabled"]);
    // Stored encrypted, never as the secret or the codes.
    const stored = await database().db.twoFactor.findFirstOrThrow();
    expect(stored.secret).not.toContain(secret.toString("latin1"));
    for (const code of recoveryCodes) expect(stored.backupCodes).not.toContain(code);
  });

  it("signing in asks for the code: a wrong one and a reused one are refused, the right one signs in", async () => {
    const { post, signedIn, signOut, enable, operator } = await setUp();
    const { secret } = await enable();
    const first = totpCode(secret);
    expect((await post("/two-factor/verify-totp", { code: first })).status).toBe(200);
    await signOut();

    const password = await post("/sign-in/email", { email: EMAIL, password: operator.password });
    expect(password.status).toBe(200);
    expect(await password.json()).toMatchObject({ twoFactorRedirect: true });
    // The password alone makes no session.
    expect(signedIn()).toBe(false);
    expect(cookiesOf(password).has("webhook-console.known-device")).toBe(false);

    const wrong = await post("/two-factor/verify-totp", {
      code: first === "123456" ? "654321" : "123456",
    });
    expect(wrong.status).toBe(401);
    expect(signedIn()).toBe(false);
    // The code that turned it on, still within its 90 seconds: used once already.
    const reused = await post("/two-factor/verify-totp", { code: first });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ code: "REUSED_CODE" });
    expect(signedIn()).toBe(false);

    // The next step's code, which the plugin accepts a step early, and which was never used.
    const next = await post("/two-factor/verify-totp", { code: totpCode(secret, Date.now(), 1) });
    expect(next.status).toBe(200);
    expect(signedIn()).toBe(true);
  });

  it("a recovery code signs in once, and its use is in the audit log", async () => {
    const { post, signedIn, signOut, enable, audit, operator } = await setUp();
    const { secret, recoveryCodes } = await enable();
    await post("/two-factor/verify-totp", { code: totpCode(secret) });
    await signOut();
    const [code] = recoveryCodes;

    await post("/sign-in/email", { email: EMAIL, password: operator.password });
    expect((await post("/two-factor/verify-backup-code", { code })).status).toBe(200);
    expect(signedIn()).toBe(true);
    expect(await audit()).toEqual([
      "provider.created",
      "two_factor.enabled",
      "two_factor.recovery_code_used",
    ]);
    await signOut();

    await post("/sign-in/email", { email: EMAIL, password: operator.password });
    expect((await post("/two-factor/verify-backup-code", { code })).status).toBe(401);
    expect(signedIn()).toBe(false);
    expect(await audit()).toHaveLength(3);
  });

  it("turning it off needs the password, and the audit log says so", async () => {
    const { post, user, audit, enable, operator } = await setUp();
    const { secret } = await enable();
    await post("/two-factor/verify-totp", { code: totpCode(secret) });
    expect((await post("/two-factor/disable", { password: "wrong password!!" })).status).toBe(400);
    expect((await user()).twoFactorEnabled).toBe(true);
    expect((await post("/two-factor/disable", { password: operator.password })).status).toBe(200);
    expect((await user()).twoFactorEnabled).toBe(false);
    expect(await audit()).toEqual([
      "provider.created",
      "two_factor.enabled",
      "two_factor.disabled",
    ]);
  });
});
