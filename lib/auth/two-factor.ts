// TOTP two-factor sign-in: Better Auth's two-factor plugin, with what the console adds around it
// (ADR 29): a code is accepted once (the plugin accepts it again for as long as it is valid), and
// turning it on or off and signing in with a recovery code are written to the audit log.
import "server-only";
import { APIError, type createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import { recordAccountAudit } from "../audit/record-account-audit";
import type { Db } from "../db/client";

export const TWO_FACTOR_ISSUER = "Webhook Console";
/** Recovery codes made at once; each works once. */
export const RECOVERY_CODE_COUNT = 10;

export function twoFactorPlugin() {
  return twoFactor({
    issuer: TWO_FACTOR_ISSUER,
    backupCodeOptions: { amount: RECOVERY_CODE_COUNT, length: 10 },
    // "Trust this device for 30 days" is not offered: every sign-in asks for the second factor.
    trustDeviceMaxAge: 0,
  });
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const VERIFY_TOTP = "/two-factor/verify-totp";
const VERIFY_RECOVERY_CODE = "/two-factor/verify-backup-code";
const DISABLE = "/two-factor/disable";
/** The paths that finish a sign-in with a second factor, making its session. */
export const SECOND_FACTOR_PATHS: ReadonlySet<string> = new Set([
  VERIFY_TOTP,
  VERIFY_RECOVERY_CODE,
]);
/** The paths the hooks below act on. */
const TWO_FACTOR_PATHS: ReadonlySet<string> = new Set([...SECOND_FACTOR_PATHS, DISABLE]);

/**
 * How long a used code is remembered: the plugin accepts a code in its own 30-second step and
 * the ones on either side, so a code is valid for at most 90 seconds.
 */
const USED_CODE_MS = 120_000;

export const REUSED_CODE_MESSAGE = "This code was used already: enter the next one your app shows";

interface TwoFactorUser {
  id: string;
  email: string;
  twoFactorEnabled: boolean;
}

/** Whom a two-factor request is for: the session's operator, or the one signing in. */
async function twoFactorUser(ctx: HookContext): Promise<TwoFactorUser | null> {
  const session = await getSessionFromCtx(ctx).catch(() => null);
  const user = session?.user;
  if (user) {
    return { id: user.id, email: user.email, twoFactorEnabled: user.twoFactorEnabled === true };
  }
  const cookie = ctx.context.createAuthCookie("two_factor");
  const challenge = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!challenge) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
  if (!pending || pending.expiresAt <= new Date()) return null;
  const found = (await ctx.context.internalAdapter.findUserById(pending.value)) as
    | (TwoFactorUser & Record<string, unknown>)
    | null;
  return found
    ? { id: found.id, email: found.email, twoFactorEnabled: found.twoFactorEnabled === true }
    : null;
}

const usedCodeKey = (userId: string, code: string) => `totp-used-${userId}-${code}`;

/** The request's code, when it is a string (the plugin refuses other bodies itself). */
function codeOf(ctx: HookContext): string | null {
  const code = (ctx.body as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code.trim() : null;
}

/** What a two-factor request was about, kept from before the plugin runs to after. */
const before = new WeakMap<object, TwoFactorUser>();

/** Before the plugin: a TOTP code already accepted for this operator is refused. */
export async function beforeTwoFactor(ctx: HookContext): Promise<void> {
  if (!TWO_FACTOR_PATHS.has(ctx.path)) return;
  const user = await twoFactorUser(ctx);
  if (!user) return;
  before.set(ctx.context, user);
  const code = codeOf(ctx);
  if (ctx.path !== VERIFY_TOTP || !code) return;
  const used = await ctx.context.internalAdapter.findVerificationValue(usedCodeKey(user.id, code));
  if (used && used.expiresAt > new Date()) {
    throw APIError.from("UNAUTHORIZED", { message: REUSED_CODE_MESSAGE, code: "REUSED_CODE" });
  }
}

/**
 * After the plugin, when it accepted: the TOTP code is remembered as used, and the audit log
 * records two-factor sign-in turned on (the first code after setting it up), turned off, and a
 * recovery code used to sign in.
 */
export async function afterTwoFactor(ctx: HookContext, db: Db): Promise<void> {
  if (!TWO_FACTOR_PATHS.has(ctx.path)) return;
  const user = before.get(ctx.context);
  if (!user || ctx.context.returned instanceof APIError) return;
  if (ctx.path === VERIFY_TOTP) {
    const code = codeOf(ctx);
    if (code) {
      await ctx.context.internalAdapter.createVerificationValue({
        identifier: usedCodeKey(user.id, code),
        value: user.id,
        expiresAt: new Date(Date.now() + USED_CODE_MS),
      });
    }
    if (!user.twoFactorEnabled) {
      await recordAccountAudit(db, user.id, user.email, "two_factor.enabled");
    }
  } else if (ctx.path === DISABLE) {
    await recordAccountAudit(db, user.id, user.email, "two_factor.disabled");
  } else if (ctx.path === VERIFY_RECOVERY_CODE) {
    await recordAccountAudit(db, user.id, user.email, "two_factor.recovery_code_used");
  }
}
