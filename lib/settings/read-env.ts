// Every setting is an environment variable (docs/operations.md, Configuration). They are read through these
// helpers so that a bad value is treated one way everywhere: refused with a message naming the
// variable, never silently replaced by the default. The server reads all of them at start-up
// (lib/boot/server-settings.ts), so a typo stops it there rather than at the first webhook.

export type Env = Record<string, string | undefined>;

/**
 * A setting whose value cannot be used; the message names the variable and the value, or, for a
 * secret (`hideValue`), only the value's length.
 */
export class InvalidSettingError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    raw: string,
    { hideValue = false }: { hideValue?: boolean } = {},
  ) {
    const got = hideValue ? `${raw.length} characters, not shown` : JSON.stringify(raw);
    super(`${variable} must be ${expected} (got ${got})`);
    this.name = "InvalidSettingError";
  }
}

/** The raw value, or undefined when unset or blank (blank means "use the default"). */
function rawValue(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? undefined : raw.trim();
}

export function positiveIntSetting(env: Env, name: string, fallback: number): number {
  const raw = rawValue(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new InvalidSettingError(name, "a positive integer", raw);
  }
  return value;
}

/** A whole number from `min` to `max`, e.g. a number of days that must stay a valid date. */
export function intSettingBetween(
  env: Env,
  name: string,
  fallback: number,
  { min, max }: { min: number; max: number },
): number {
  const raw = rawValue(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < min || value > max) {
    throw new InvalidSettingError(name, `a whole number from ${min} to ${max}`, raw);
  }
  return value;
}

/** A TCP port: a whole number from 1 to 65535. */
export function portSetting(env: Env, name: string, fallback: number): number {
  const raw = rawValue(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < 1 || value > 65_535) {
    throw new InvalidSettingError(name, "a port number from 1 to 65535", raw);
  }
  return value;
}

/** A comma-separated list of positive integers, e.g. "100,200". */
export function positiveIntListSetting(env: Env, name: string, fallback: number[]): number[] {
  const raw = rawValue(env, name);
  if (raw === undefined) return fallback;
  const values = raw.split(",").map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0)) {
    throw new InvalidSettingError(name, "positive integers, comma-separated", raw);
  }
  return values;
}

/** One of a fixed set of words, each standing for a value (e.g. on/off). */
export function choiceSetting<T>(
  env: Env,
  name: string,
  choices: Readonly<Record<string, T>>,
  fallback: T,
): T {
  const raw = rawValue(env, name);
  if (raw === undefined) return fallback;
  if (!Object.hasOwn(choices, raw)) {
    const words = Object.keys(choices).map((word) => `"${word}"`);
    throw new InvalidSettingError(name, `one of ${words.join(", ")}`, raw);
  }
  return choices[raw] as T;
}

const BOOLEAN_WORDS = { true: true, "1": true, false: false, "0": false } as const;

/** true/1 or false/0. */
export function booleanSetting(env: Env, name: string, fallback: boolean): boolean {
  return choiceSetting(env, name, BOOLEAN_WORDS, fallback);
}

/** A comma-separated list of non-empty strings. */
export function listSetting(env: Env, name: string): string[] {
  return (rawValue(env, name) ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * A secret string, or null when unset: when `parse` refuses it, the error names the variable and
 * what it should be, never the value.
 */
export function secretSetting<T>(
  env: Env,
  name: string,
  expected: string,
  parse: (raw: string) => T | null,
): T | null {
  const raw = rawValue(env, name);
  if (raw === undefined) return null;
  const value = parse(raw);
  if (value === null) throw new InvalidSettingError(name, expected, raw, { hideValue: true });
  return value;
}

/** A string, or null when unset. */
export function optionalSetting(env: Env, name: string): string | null {
  return rawValue(env, name) ?? null;
}
