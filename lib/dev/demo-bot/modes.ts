// What the demo bot does with a webhook. Each mode produces one of LINE's failure details (or a
// success) so a newcomer can watch the console classify it.
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/locales";
import { MESSAGES } from "../../i18n/messages";

/** The modes by name: identifiers (the command line's --mode, /control's `mode`), never translated. */
export const DEMO_BOT_MODE_NAMES = [
  "ok",
  "slowish",
  "slow",
  "error500",
  "error404",
  "redirect",
  "close",
  "garbage",
  "goaway",
  "reset",
  "mixed",
] as const;

export type DemoBotMode = (typeof DEMO_BOT_MODE_NAMES)[number];

/**
 * What a mode does, in the given language (the demoBot messages' `modes`; a mode without a
 * description fails the type check). LINE's reason codes and details in them stay English.
 */
export function demoBotModeDescriptions(locale: Locale): Record<DemoBotMode, string> {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "demoBot.modes" });
  return Object.fromEntries(DEMO_BOT_MODE_NAMES.map((name) => [name, t(name)])) as Record<
    DemoBotMode,
    string
  >;
}

/** Each mode's description in English, as /control's JSON answer and the command line give them. */
export const DEMO_BOT_MODES: Readonly<Record<DemoBotMode, string>> =
  demoBotModeDescriptions(DEFAULT_LOCALE);

export function isDemoBotMode(value: unknown): value is DemoBotMode {
  return typeof value === "string" && (DEMO_BOT_MODE_NAMES as readonly string[]).includes(value);
}

const MIXED: [DemoBotMode, number][] = [
  ["ok", 60],
  ["slowish", 5],
  ["slow", 5],
  ["error500", 10],
  ["error404", 5],
  ["close", 5],
  ["garbage", 5],
  ["redirect", 5],
];

/** The concrete mode for one request: `mixed` draws one. */
export function resolveMode(mode: DemoBotMode, random = Math.random): DemoBotMode {
  if (mode !== "mixed") return mode;
  const total = MIXED.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [candidate, weight] of MIXED) {
    pick -= weight;
    if (pick < 0) return candidate;
  }
  return "ok";
}
