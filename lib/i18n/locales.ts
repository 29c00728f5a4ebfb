// Pure: the console's languages and how a request's is chosen (ADR 21). URLs do not carry the
// language: the operator's choice (a cookie, and their profile once signed in) comes first, then
// the browser's Accept-Language, then English.

export const LOCALES = ["en", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie the header's language switcher writes; next-intl's conventional name. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A year: the choice outlives sessions, as a preference should. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Each language's name in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", ja: "日本語" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): ranges by
 * descending q, a range matching a language or any of its regional forms ("ja-JP" → ja), q=0
 * refused, "*" for the default. Null when none matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params
        .map((param) => param.trim().match(/^q=([01](?:\.\d{0,3})?)$/i))
        .find((match) => match !== null);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((range) => range.tag !== "" && range.q > 0)
    // Stable: equal weights keep the header's order.
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LOCALE;
    const language = tag.split("-")[0];
    if (isLocale(language)) return language;
  }
  return null;
}

/** The language of a request: the operator's choice, then the browser's, then English. */
export function resolveLocale({
  cookie,
  profile,
  acceptLanguage,
}: {
  cookie?: string | null;
  profile?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(cookie)) return cookie;
  if (isLocale(profile)) return profile;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
