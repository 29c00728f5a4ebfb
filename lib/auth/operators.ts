import "server-only";
import { randomBytes } from "node:crypto";
import type { Auth } from "./auth";

export const DEMO_OPERATOR_EMAIL = "demo@webhook-console.local";

/** 24 characters from the CSPRNG (144 bits), URL-safe so it pastes anywhere. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Creates an operator who signs in with `email` and `password`, or a password generated here;
 * either is returned (and stored nowhere but as its scrypt hash). Public sign-up is off, so
 * operators are created through Better Auth's internal adapter, as its own sign-up endpoint
 * does. Null when an operator with this email exists.
 */
export async function createOperator(
  auth: Auth,
  {
    email,
    name,
    password = generatePassword(),
    consoleAdmin = false,
  }: { email: string; name?: string; password?: string; consoleAdmin?: boolean },
): Promise<{ userId: string; email: string; password: string } | null> {
  const context = await auth.$context;
  const normalized = email.trim().toLowerCase();
  if (await context.internalAdapter.findUserByEmail(normalized)) return null;
  const hash = await context.password.hash(password);
  const user = await context.internalAdapter.createUser(
    {
      email: normalized,
      name: name ?? normalized.split("@")[0] ?? normalized,
      emailVerified: false,
      consoleAdmin,
    },
    { method: "email-password" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  return { userId: user.id, email: normalized, password };
}

/**
 * Gives the operator `password`, or a new generated one, returned, and signs them out
 * everywhere. Null when no operator has this email.
 */
export async function resetOperatorPassword(
  auth: Auth,
  email: string,
  password: string = generatePassword(),
): Promise<{ email: string; password: string } | null> {
  const context = await auth.$context;
  const normalized = email.trim().toLowerCase();
  const found = await context.internalAdapter.findUserByEmail(normalized, {
    includeAccounts: true,
  });
  if (!found) return null;
  const hash = await context.password.hash(password);
  const credential = found.accounts.find((account) => account.providerId === "credential");
  if (credential) await context.internalAdapter.updatePassword(found.user.id, hash);
  else {
    await context.internalAdapter.linkAccount({
      userId: found.user.id,
      providerId: "credential",
      accountId: found.user.id,
      password: hash,
    });
  }
  await context.internalAdapter.deleteUserSessions(found.user.id);
  return { email: normalized, password };
}

/** Whether `password` is the operator's current one (false for unknown emails). */
export async function operatorPasswordIs(auth: Auth, email: string, password: string) {
  const context = await auth.$context;
  const found = await context.internalAdapter.findUserByEmail(email.trim().toLowerCase(), {
    includeAccounts: true,
  });
  const hash = found?.accounts.find((account) => account.providerId === "credential")?.password;
  return hash ? context.password.verify({ hash, password }) : false;
}
