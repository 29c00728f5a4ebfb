import { createTranslator } from "use-intl/core";
import type { Locale } from "../../lib/i18n/locales";
import { MESSAGES } from "../../lib/i18n/messages";

/**
 * The console's own text in a language, from the messages its pages render, so a spec (or page
 * object) finds the same button in English and in Japanese: `uiText("ja")("channels.tabs.basics")`.
 */
export function uiText(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

export type UiText = ReturnType<typeof uiText>;

/**
 * A message with arguments as a pattern matching it whatever their values:
 * "Details of attempt {attempt} at {time}" → /^Details of attempt .+ at .+$/. Simple arguments
 * only (no plural or select).
 */
export function uiPattern(locale: Locale, key: string): RegExp {
  const message = key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      MESSAGES[locale],
    );
  if (typeof message !== "string") throw new Error(`no message ${key}`);
  const pattern = message
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".+");
  return new RegExp(`^${pattern}$`);
}
