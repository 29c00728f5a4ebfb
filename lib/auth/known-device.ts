// A browser an operator has signed in from before: after a successful sign-in it gets a signed,
// long-lived cookie naming the account (by a hash, not the address) and a random id for the
// browser. A sign-in attempt for that account carrying it is counted against a limit of its own
// (lib/auth/sign-in-limits.ts), so that someone guessing the password elsewhere, who can reach
// the account's ceiling, does not keep the owner out. It proves nothing on its own: the password
// is still required, and its limit still bounds guessing from that browser.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Sent only to the sign-in routes; HttpOnly, SameSite=Lax, Secure on https. */
export const KNOWN_DEVICE_COOKIE = "webhook-console.known-device";
const KNOWN_DEVICE_SECONDS = 365 * 24 * 60 * 60;

/** What this module needs of Better Auth's endpoint context (better-call). */
interface CookieContext {
  getSignedCookie(name: string, secret: string): Promise<string | null | false>;
  setSignedCookie(
    name: string,
    value: string,
    secret: string,
    options: {
      httpOnly: boolean;
      sameSite: "lax";
      secure: boolean;
      path: string;
      maxAge: number;
    },
  ): Promise<unknown>;
}

function accountKey(email: string): string {
  const account = email.trim().toLowerCase();
  return createHash("sha256").update(account).digest("base64url").slice(0, 22);
}

/** This browser's id if its known-device cookie is valid and for `email`'s account, else null. */
export async function knownDeviceOf(
  ctx: CookieContext,
  secret: string,
  email: string,
): Promise<string | null> {
  const value = await ctx.getSignedCookie(KNOWN_DEVICE_COOKIE, secret);
  if (!value) return null;
  const [device, account] = value.split(":");
  return device && account === accountKey(email) ? device : null;
}

/** Marks this browser as known for `email`'s account, keeping its id if it had one. */
export async function rememberDevice(
  ctx: CookieContext,
  secret: string,
  email: string,
  secure: boolean,
): Promise<void> {
  const device = (await knownDeviceOf(ctx, secret, email)) ?? randomBytes(16).toString("base64url");
  await ctx.setSignedCookie(KNOWN_DEVICE_COOKIE, `${device}:${accountKey(email)}`, secret, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/api/auth",
    maxAge: KNOWN_DEVICE_SECONDS,
  });
}
