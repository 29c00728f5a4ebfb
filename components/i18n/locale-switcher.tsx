"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { endpointUrl } from "@/components/data/endpoint-client";
import { setLocale } from "@/lib/http/endpoints/account";
import {
  LOCALE_COOKIE,
  LOCALE_COOKIE_MAX_AGE_SECONDS,
  LOCALE_NAMES,
  LOCALES,
  type Locale,
} from "@/lib/i18n/locales";

/**
 * The header's language picker. The choice is a cookie, so it holds before signing in and on
 * every page; a signed-in operator's is also saved to their profile for their other browsers.
 * The page is then rendered again on the server in the new language; its URL stays.
 */
export function LocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("layout");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    // biome-ignore lint/suspicious/noDocumentCookie: one plain, non-secret preference; the Cookie Store API is not in every browser the console supports.
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_SECONDS}; samesite=lax${secure}`;
    startTransition(async () => {
      if (signedIn) {
        // The cookie already holds the choice here; a failed save only loses it elsewhere.
        await fetch(endpointUrl(setLocale), {
          method: setLocale.method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ locale: next }),
        }).catch(() => undefined);
      }
      router.refresh();
    });
  }

  return (
    <label className="flex items-center gap-1.5 text-sm text-muted">
      <span className="sr-only">{t("language")}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => choose(event.target.value as Locale)}
        className="rounded border border-line bg-white px-2 py-1 text-sm text-ink"
        data-testid="locale-switcher"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
