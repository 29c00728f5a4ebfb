// next-intl's request configuration (next.config.js points at it): the language of each request
// (locales.ts), its messages, and UTC+9 for every date, as the console shows all times in UTC+9.
import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentOperator } from "../access/current-operator";
import { db } from "../db/client";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/locales";
import { MESSAGES } from "../i18n/messages";
import { operatorLocale } from "../i18n/operator-locale";

/** Japan has no daylight saving time, so this zone is UTC+9 at every instant shown. */
export const CONSOLE_TIME_ZONE = "Asia/Tokyo";

export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value ?? null;
  // The profile is read only when the browser has no choice of its own.
  let profile: string | null = null;
  if (!cookie) {
    const operator = await currentOperator(requestHeaders);
    if (operator) profile = await operatorLocale(db(), operator.userId);
  }
  const locale = resolveLocale({
    cookie,
    profile,
    acceptLanguage: requestHeaders.get("accept-language"),
  });
  return { locale, messages: MESSAGES[locale], timeZone: CONSOLE_TIME_ZONE };
});
