import { describe, expect, it } from "vitest";
import { memoizedPasswords } from "../dev/testing/memoized-passwords";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { CLIENT_ADDRESS_HEADER, createAuth } from "./auth";
import { KNOWN_DEVICE_COOKIE } from "./known-device";
import { createOperator, resetOperatorPassword } from "./operators";
import {
  SIGN_IN_ACCOUNT_ADDRESS_LIMIT,
  SIGN_IN_ACCOUNT_CEILING,
  TOO_MANY_SIGN_INS_MESSAGE,
} from "./sign-in-limits";

/**
 * Waits, when the fixed window of `windowMs` the clock is in ends within `marginMs`, for the next
 * one to start: attempts that straddle a boundary are counted in two windows (by design, see
 * consume-rate-limit.ts), and a test of the limit would then see it not reached.
 */
async function clearOfWindowBoundary(windowMs: number, marginMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 10));
}

const ORIGIN = "http://127.0.0.1:3000";
const SECRET = "a-test-secret-that-is-long-enough-0123456789";

describe.each(TEST_PROVIDERS)("operators' accounts on %s", (provider) => {
  const database = useTestDatabase(provider);

  /**
   * Better Auth on the test's database. The tests that count guesses (`guessing`, up to a hundred)
   * remember Better Auth's scrypt results within the process: each guess is the same wrong
   * password, which the other tests here check for real, and a hundred scrypts were two minutes
   * beside the browser tests.
   */
  function setUp(signInLimitPerMinute?: number, { guessing = false } = {}) {
    const { db, config } = database();
    const auth = createAuth(db, config, {
      origins: [ORIGIN],
      secret: SECRET,
      signInLimitPerMinute,
      ...(guessing ? { password: memoizedPasswords } : {}),
    });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      auth.handler(
        new Request(`${ORIGIN}/api/auth${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            [CLIENT_ADDRESS_HEADER]: "192.0.2.1",
            ...headers,
          },
          body: JSON.stringify(body),
        }),
      );
    return { db, auth, post };
  }

  it("signs in with the right password: a session row and an httpOnly, SameSite=Lax cookie", async () => {
    const { db, auth, post } = setUp();
    const operator = await createOperator(auth, { email: "Ops@Example.com" });
    expect(operator?.email).toBe("ops@example.com");
    const stored = await db.account.findFirstOrThrow({ where: { userId: operator?.userId } });
    expect(stored.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // scrypt salt:key
    expect(stored.password).not.toContain(operator?.password);

    const response = await post("/sign-in/email", {
      email: "ops@example.com",
      password: operator?.password,
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/^webhook-console\.session_token=/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Max-Age=\d+/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const sessions = await db.session.findMany({ where: { userId: operator?.userId } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const session = await auth.api.getSession({
      headers: new Headers({ cookie: (cookie ?? "").split(";")[0] ?? "" }),
    });
    expect(session?.user.email).toBe("ops@example.com");
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const { db, auth, post } = setUp();
    const operator = await createOperator(auth, { email: "ops@example.com" });
    const wrong = await post("/sign-in/email", {
      email: "ops@example.com",
      password: `${operator?.password}x`,
    });
    const unknown = await post("/sign-in/email", {
      email: "nobody@example.com",
      password: operator?.password,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(wrong.headers.getSetCookie().some((c) => c.includes("session_token="))).toBe(false);
    expect(await db.session.count()).toBe(0);
  });

  it("revokes the session on sign-out", async () => {
    const { db, auth, post } = setUp();
    const operator = await createOperator(auth, { email: "ops@example.com" });
    const signIn = await post("/sign-in/email", {
      email: "ops@example.com",
      password: operator?.password,
    });
    const cookie =
      signIn.headers
        .getSetCookie()
        .find((c) => c.includes("session_token="))
        ?.split(";")[0] ?? "";
    expect(await db.session.count()).toBe(1);

    const signOut = await post("/sign-out", {}, { cookie });
    expect(signOut.status).toBe(200);
    expect(await db.session.count()).toBe(0);
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  it("keeps public sign-up off", async () => {
    const { db, post } = setUp();
    const response = await post("/sign-up/email", {
      email: "new@example.com",
      password: "a-long-enough-password",
      name: "New",
    });
    expect(response.status).toBe(400);
    expect(await db.user.count()).toBe(0);
  });

  it("rate-limits sign-in per client address, counting in the database", async () => {
    const { db, post } = setUp(undefined, { guessing: true });
    const statuses: number[] = [];
    // Ten accounts, one guess each, from one address: the address is what is held back.
    for (let i = 0; i < 11; i++) {
      const response = await post("/sign-in/email", {
        email: `guess-${i}@example.com`,
        password: "x".repeat(12),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const counters = await db.authRateLimit.findMany();
    expect(counters.map((row) => row.key)).toContain("192.0.2.1|/sign-in/email");
    // Another address is not held back.
    const other = await post(
      "/sign-in/email",
      { email: "guess-0@example.com", password: "x".repeat(12) },
      { [CLIENT_ADDRESS_HEADER]: "192.0.2.2" },
    );
    expect(other.status).toBe(401);
  });

  it("bounds guesses per account and address, and the owner elsewhere still signs in; known or not alike", async () => {
    // Better Auth's per-address limit (all accounts) out of the way: this is the per-account one.
    const { db, auth, post } = setUp(1000, { guessing: true });
    const operator = await createOperator(auth, { email: "ops@example.com" });
    await clearOfWindowBoundary(SIGN_IN_ACCOUNT_ADDRESS_LIMIT.windowMs, 20_000);
    for (const email of ["ops@example.com", "nobody@example.com"]) {
      const guessing = { [CLIENT_ADDRESS_HEADER]: "198.51.100.7" };
      for (let i = 0; i < SIGN_IN_ACCOUNT_ADDRESS_LIMIT.limit; i++) {
        const response = await post(
          "/sign-in/email",
          { email, password: "x".repeat(12) },
          guessing,
        );
        expect(response.status).toBe(401);
      }
      // Even the right password waits there: the limit is on attempts, not failures alone.
      const held = await post(
        "/sign-in/email",
        { email, password: email === "ops@example.com" ? operator?.password : "x".repeat(12) },
        guessing,
      );
      expect(held.status).toBe(429);
      expect(held.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await held.json()).toMatchObject({ message: TOO_MANY_SIGN_INS_MESSAGE });
    }
    expect(await db.session.count()).toBe(0);
    // The owner, from where they are, is not held back by someone else's guessing.
    const owner = await post(
      "/sign-in/email",
      { email: "ops@example.com", password: operator?.password },
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.5" },
    );
    expect(owner.status).toBe(200);
  }, 60_000);

  it("stops guesses spread over many addresses at the account's ceiling; the owner's known browser still gets in", async () => {
    const { auth, post } = setUp(1000, { guessing: true });
    const operator = await createOperator(auth, { email: "ops@example.com" });
    await clearOfWindowBoundary(SIGN_IN_ACCOUNT_CEILING.windowMs, 60_000);
    // The owner signed in once from this browser: it is known from then on.
    const first = await post(
      "/sign-in/email",
      { email: "ops@example.com", password: operator?.password },
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.5" },
    );
    expect(first.status).toBe(200);
    const device = first.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${KNOWN_DEVICE_COOKIE}=`));
    expect(device).toMatch(/;\s*HttpOnly/i);
    expect(device).toMatch(/;\s*Path=\/api\/auth/i);
    const deviceCookie = (device ?? "").split(";")[0] ?? "";

    // One guess from each of many addresses: bounded by the ceiling, which the owner's first
    // sign-in counted in.
    let accepted = 1;
    for (let i = 0; accepted < SIGN_IN_ACCOUNT_CEILING.limit + 5; i++) {
      const response = await post(
        "/sign-in/email",
        { email: "ops@example.com", password: "x".repeat(12) },
        { [CLIENT_ADDRESS_HEADER]: `10.${Math.floor(i / 250)}.${i % 250}.1` },
      );
      if (response.status === 429) break;
      expect(response.status).toBe(401);
      accepted++;
    }
    expect(accepted).toBe(SIGN_IN_ACCOUNT_CEILING.limit);
    // A new address, the right password, no known browser: held back as well.
    const elsewhere = await post(
      "/sign-in/email",
      { email: "ops@example.com", password: operator?.password },
      { [CLIENT_ADDRESS_HEADER]: "192.0.2.77" },
    );
    expect(elsewhere.status).toBe(429);
    // The owner's browser signs in; a forged or another account's cookie does not count.
    const known = await post(
      "/sign-in/email",
      { email: "ops@example.com", password: operator?.password },
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.9", cookie: deviceCookie },
    );
    expect(known.status).toBe(200);
    const forged = await post(
      "/sign-in/email",
      { email: "ops@example.com", password: operator?.password },
      {
        [CLIENT_ADDRESS_HEADER]: "203.0.113.10",
        cookie: deviceCookie.replace(/.(?=[^.]*$)/, "x"),
      },
    );
    expect(forged.status).toBe(429);
  }, 120_000);

  it("resets a password: the old one stops working and sessions end", async () => {
    const { db, auth, post } = setUp();
    const operator = await createOperator(auth, { email: "ops@example.com" });
    await post("/sign-in/email", { email: "ops@example.com", password: operator?.password });
    expect(await db.session.count()).toBe(1);
    const reset = await resetOperatorPassword(auth, "ops@example.com");
    expect(await db.session.count()).toBe(0);
    const old = await post("/sign-in/email", {
      email: "ops@example.com",
      password: operator?.password,
    });
    expect(old.status).toBe(401);
    const fresh = await post("/sign-in/email", {
      email: "ops@example.com",
      password: reset?.password,
    });
    expect(fresh.status).toBe(200);
  });
});
