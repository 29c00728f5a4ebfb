import "server-only";
import type { Db } from "../db/client";
import type { Locale } from "./locales";

/** Remembers the operator's language, so a browser without the cookie gets it at sign-in. */
export async function saveOperatorLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

export async function operatorLocale(db: Db, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? null;
}
