// How the console's two fetch helpers (fetch-json.ts for our route handlers, account/auth-api.ts for
// Better Auth) read an answer, so an error body is understood the same way by both.
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import enData from "@/lib/i18n/messages/en/data.json";
import jaData from "@/lib/i18n/messages/ja/data.json";

// This namespace's messages only: the helpers run outside React (no useTranslations), and every
// page loads them, so they carry no other area's text.
const DATA_MESSAGES: Readonly<Record<Locale, typeof enData>> = { en: enData, ja: jaData };

/** The page's language, as the root layout writes it on <html lang>; English outside a browser. */
function pageLocale(): Locale {
  const lang = typeof document === "undefined" ? null : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** The answer's JSON body; null when it is empty or not JSON (a proxy's error page, say). */
export async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the caller falls through with the status alone.
    return null;
  }
}

/** A string field of an error body (`message`; Better Auth's `code`), or null when absent. */
export function errorBodyField(body: unknown, field: string): string | null {
  if (!body || typeof body !== "object") return null;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === "string" ? value : null;
}

/**
 * The error body's `message` (the server's, shown as it is), or one naming the status when the
 * server sent none, in the page's language.
 */
export function errorBodyMessage(
  body: unknown,
  status: number,
  locale: Locale = pageLocale(),
): string {
  const message = errorBodyField(body, "message");
  if (message !== null) return message;
  const t = createTranslator({
    locale,
    messages: { data: DATA_MESSAGES[locale] },
    namespace: "data",
  });
  // A code, not a count: passed as text, so no language formats it as a number.
  return t("requestFailed", { status: String(status) });
}
