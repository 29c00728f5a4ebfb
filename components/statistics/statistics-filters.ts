import { resolveStatisticsRange, type StatisticsRequest } from "@/components/data/console-queries";
import type { Translator } from "@/components/i18n/translator";
import { FAILURE_REASONS, type FailureReason } from "@/lib/shared/failure-reasons";
import {
  instantProblem,
  MAX_INSTANT,
  MIN_INSTANT,
  rangeProblem,
} from "@/lib/shared/statistics-range";
import { BUCKET_MS, BUCKETS, type Bucket, MAX_RANGE_DAYS } from "@/lib/shared/time-buckets";
import { utc9InputToIso } from "./utc9-input";

// The statistics filters live in the URL (?period=7d&reason=...&page=2), for both views (Errors,
// and Success rate and latency, which reads the period and bucket), so a view can be
// shared and survives a reload. This module is the one place that reads and writes them.

const DAY_MS = BUCKET_MS.day;

/** The periods offered; each one's label is the message `periods.<value>`. */
export const PERIODS = [
  { value: "1h", ms: BUCKET_MS.hour },
  { value: "6h", ms: 6 * BUCKET_MS.hour },
  { value: "24h", ms: DAY_MS },
  { value: "7d", ms: 7 * DAY_MS },
  { value: "30d", ms: 30 * DAY_MS },
  { value: "custom" },
] as const;
export type Period = (typeof PERIODS)[number]["value"];
const DEFAULT_PERIOD: Period = "24h";

export interface StatisticsFilters {
  period: Period;
  /** ISO instants; set only for the custom period. */
  from?: string;
  to?: string;
  /** Absent: the API picks a bucket for the range. */
  bucket?: Bucket;
  reason?: FailureReason;
  page: number;
}

const FILTER_PARAMS = ["period", "from", "to", "bucket", "reason", "page"] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function isoOrUndefined(value: string | null): string | undefined {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Reads the filters from a query string. Anything unreadable falls back to its default, so a
 * mangled link still opens a view; a custom period without both ends is the last 24 hours.
 */
export function parseStatisticsFilters(params: Pick<URLSearchParams, "get">): StatisticsFilters {
  const from = isoOrUndefined(params.get("from"));
  const to = isoOrUndefined(params.get("to"));
  const named = oneOf(
    PERIODS.map((p) => p.value),
    params.get("period"),
  );
  const custom = from !== undefined && to !== undefined && (named ?? "custom") === "custom";
  const page = Number(params.get("page"));
  return {
    period: custom ? "custom" : named && named !== "custom" ? named : DEFAULT_PERIOD,
    ...(custom ? { from, to } : {}),
    bucket: oneOf(BUCKETS, params.get("bucket")),
    reason: oneOf(FAILURE_REASONS, params.get("reason")),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Writes the filters into a copy of `current`, leaving other parameters and dropping defaults. */
export function writeStatisticsFilters(
  current: Pick<URLSearchParams, "toString">,
  filters: StatisticsFilters,
): URLSearchParams {
  const params = new URLSearchParams(current.toString());
  for (const name of FILTER_PARAMS) params.delete(name);
  if (filters.period !== DEFAULT_PERIOD) params.set("period", filters.period);
  if (filters.period === "custom" && filters.from && filters.to) {
    params.set("from", filters.from);
    params.set("to", filters.to);
  }
  if (filters.bucket) params.set("bucket", filters.bucket);
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

export const ROWS_PAGE_SIZE = 50;

/** The API request the filters stand for. */
export function toRequest(filters: StatisticsFilters): StatisticsRequest {
  const preset = PERIODS.find((p) => p.value === filters.period);
  // A custom period without both ends leaves lastMs out: the API's default range.
  const range =
    filters.from && filters.to
      ? { from: filters.from, to: filters.to }
      : { lastMs: preset && "ms" in preset ? preset.ms : undefined };
  return {
    range,
    ...(filters.bucket ? { bucket: filters.bucket } : {}),
    ...(filters.reason ? { reason: filters.reason } : {}),
    page: filters.page,
    pageSize: ROWS_PAGE_SIZE,
  };
}

/** The range the filters cover if resolved now, as the API would resolve it. */
export function rangeOf(
  filters: StatisticsFilters,
  now = new Date(),
): { from: string; to: string } {
  return resolveStatisticsRange(toRequest(filters).range, now);
}

/** A range of ISO strings (the URL's, the API's) as the instants the shared range rule checks. */
export function toInstants(range: { from: string; to: string }): { from: Date; to: Date } {
  return { from: new Date(range.from), to: new Date(range.to) };
}

/** A problem the custom range form shows under one of its two fields. */
export interface FieldProblem {
  field: "from" | "to";
  message: string;
}

/**
 * The message for a range the rule refuses, under the field it names: the field's own time
 * (not a valid time, out of bounds), else the range's (empty or reversed, too long).
 */
function rangeMessage(
  t: Translator<"statistics">,
  field: FieldProblem["field"],
  instant: Date,
): string {
  if (instantProblem(field, instant)) {
    return Number.isNaN(instant.getTime())
      ? t("customRange.invalidTime", { field })
      : t("customRange.outOfBounds", { field, min: MIN_INSTANT, max: MAX_INSTANT });
  }
  return field === "from"
    ? t("customRange.fromBeforeTo")
    : t("customRange.toAtMost", { days: MAX_RANGE_DAYS });
}

/**
 * Reads the custom range form's two UTC+9 datetime-local values and checks them with the range
 * rule the API applies (lib/shared/statistics-range), so the form refuses exactly what the API
 * would: the problem goes under the field it names, e.g. "From must be before to.".
 */
export function readCustomRange(
  t: Translator<"statistics">,
  fromInput: string,
  toInput: string,
): { range: { from: string; to: string } } | { problem: FieldProblem } {
  const from = utc9InputToIso(fromInput);
  if (!from) return { problem: { field: "from", message: t("customRange.enterDateTime") } };
  const to = utc9InputToIso(toInput);
  if (!to) return { problem: { field: "to", message: t("customRange.enterDateTime") } };
  const instants = toInstants({ from, to });
  const problem = rangeProblem(instants);
  if (problem) {
    // Without a bucket the rule names only from or to.
    const field = problem.property === "from" ? "from" : "to";
    return { problem: { field, message: rangeMessage(t, field, instants[field]) } };
  }
  return { range: { from, to } };
}
