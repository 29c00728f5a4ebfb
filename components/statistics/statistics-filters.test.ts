import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { resolveStatisticsRange } from "@/components/data/console-queries";
import { MESSAGES } from "@/lib/i18n/messages";
import { FAILURE_REASONS } from "@/lib/shared/failure-reasons";
import { DEFAULT_RANGE_MS, MAX_RANGE_MS, rangeProblem } from "@/lib/shared/statistics-range";
import { BUCKET_MS, BUCKETS } from "@/lib/shared/time-buckets";
import {
  PERIODS,
  parseStatisticsFilters,
  ROWS_PAGE_SIZE,
  rangeOf,
  readCustomRange,
  type StatisticsFilters,
  toInstants,
  toRequest,
  writeStatisticsFilters,
} from "./statistics-filters";

const DAY = BUCKET_MS.day;
const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "statistics" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "statistics" });
const DEFAULTS: StatisticsFilters = { period: "24h", page: 1 };

/** What a link with these filters opens as, starting from an empty URL. */
const roundTrip = (filters: StatisticsFilters) =>
  parseStatisticsFilters(writeStatisticsFilters("", filters));
const query = (filters: StatisticsFilters, current: string | URLSearchParams = "") =>
  writeStatisticsFilters(current, filters).toString();
const parse = (search: string) => parseStatisticsFilters(new URLSearchParams(search));

const CUSTOM_RANGES = [
  { from: "2026-11-26T15:00:00.000Z", to: "2026-11-27T15:00:00.000Z" },
  { from: "2026-08-01T00:00:00.000Z", to: "2026-10-30T00:00:00.000Z" },
  { from: "2026-11-27T03:04:05.678Z", to: "2026-11-27T03:05:00.000Z" },
];

describe("parseStatisticsFilters ∘ writeStatisticsFilters", () => {
  const periods: StatisticsFilters[] = [
    ...PERIODS.filter((p) => p.value !== "custom").map((p) => ({ period: p.value, page: 1 })),
    ...CUSTOM_RANGES.map((range) => ({ period: "custom" as const, ...range, page: 1 })),
  ];
  const every = periods.flatMap((base) =>
    [undefined, ...BUCKETS].flatMap((bucket) =>
      [undefined, ...FAILURE_REASONS].flatMap((reason) =>
        [1, 2, 37].map((page): StatisticsFilters => ({ ...base, bucket, reason, page })),
      ),
    ),
  );

  it("gives back every combination of period, bucket, reason and page", () => {
    expect(every).toHaveLength((5 + CUSTOM_RANGES.length) * 4 * 5 * 3);
    for (const filters of every) expect(roundTrip(filters)).toEqual(filters);
  });

  it("writes nothing for the defaults, and only what differs from them", () => {
    expect(query(DEFAULTS)).toBe("");
    expect(query({ period: "24h", page: 1, bucket: undefined, reason: undefined })).toBe("");
    expect(query({ period: "7d", page: 1 })).toBe("period=7d");
    expect(query({ period: "24h", page: 3 })).toBe("page=3");
    expect(query({ period: "30d", bucket: "hour", reason: "request_timeout", page: 2 })).toBe(
      "period=30d&bucket=hour&reason=request_timeout&page=2",
    );
    expect(query({ period: "custom", ...CUSTOM_RANGES[0], page: 1 })).toBe(
      "period=custom&from=2026-11-26T15%3A00%3A00.000Z&to=2026-11-27T15%3A00%3A00.000Z",
    );
  });

  it("writes a range only for the custom period", () => {
    expect(query({ period: "7d", ...CUSTOM_RANGES[0], page: 1 })).toBe("period=7d");
  });

  it("keeps parameters it does not own and replaces the ones it does", () => {
    const current = "tab=errors&period=30d&from=x&to=y&bucket=day&reason=unclassified&page=4";
    expect(query(DEFAULTS, current)).toBe("tab=errors");
    expect(query({ period: "7d", reason: "could_not_connect", page: 1 }, current)).toBe(
      "tab=errors&period=7d&reason=could_not_connect",
    );
    expect(query(DEFAULTS, new URLSearchParams("a=1&b=2&a=3"))).toBe("a=1&b=2&a=3");
  });

  it("reads an empty query string as the defaults", () => {
    expect(parse("")).toEqual(DEFAULTS);
  });

  it("normalises the ends of a custom range to ISO instants", () => {
    expect(parse("from=2026-11-27T00:00:00%2B09:00&to=2026-11-28")).toEqual({
      period: "custom",
      from: "2026-11-26T15:00:00.000Z",
      to: "2026-11-28T00:00:00.000Z",
      page: 1,
    });
  });
});

describe("parseStatisticsFilters on mangled links", () => {
  it("falls back to the last 24 hours for an unknown period", () => {
    expect(parse("period=1y")).toEqual(DEFAULTS);
    expect(parse("period=7D")).toEqual(DEFAULTS);
  });

  it("treats a custom period without both readable ends as the last 24 hours", () => {
    expect(parse("period=custom")).toEqual(DEFAULTS);
    expect(parse("period=custom&from=2026-11-01T00:00:00Z")).toEqual(DEFAULTS);
    expect(parse("period=custom&from=yesterday&to=2026-11-01T00:00:00Z")).toEqual(DEFAULTS);
  });

  it("drops a range given with a preset period: the preset wins", () => {
    expect(parse("period=7d&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z")).toEqual({
      period: "7d",
      page: 1,
    });
  });

  it("ignores an unknown bucket or reason", () => {
    expect(parse("bucket=week&reason=dns")).toEqual(DEFAULTS);
    expect(parse("bucket=Hour&reason=COULD_NOT_CONNECT")).toEqual(DEFAULTS);
  });

  it("reads page 1 for anything but a whole number from 1 up", () => {
    for (const page of ["0", "-2", "2.5", "abc", "", "Infinity"]) {
      expect(parse(`page=${page}`).page, page).toBe(1);
    }
    expect(parse("page=12").page).toBe(12);
  });

  it("keeps what is readable beside what is not", () => {
    expect(parse("period=nope&bucket=minute&reason=bogus&page=3")).toEqual({
      period: "24h",
      bucket: "minute",
      page: 3,
    });
  });
});

describe("toRequest and rangeOf", () => {
  const now = new Date("2026-11-27T12:00:00.000Z");

  it("asks for a preset as a rolling range, with the rows' page size", () => {
    expect(toRequest({ period: "24h", page: 1 })).toEqual({
      range: { lastMs: DAY },
      page: 1,
      pageSize: ROWS_PAGE_SIZE,
    });
    expect(toRequest({ period: "7d", page: 2 }).range).toEqual({ lastMs: 7 * DAY });
    expect(toRequest({ period: "30d", page: 1 }).range).toEqual({ lastMs: 30 * DAY });
  });

  it("asks for a custom period's range as it is, with bucket and reason when set", () => {
    const range = CUSTOM_RANGES[1] as { from: string; to: string };
    expect(
      toRequest({ period: "custom", ...range, bucket: "day", reason: "unclassified", page: 4 }),
    ).toEqual({ range, bucket: "day", reason: "unclassified", page: 4, pageSize: ROWS_PAGE_SIZE });
  });

  it("resolves a preset to the span before now", () => {
    expect(rangeOf({ period: "24h", page: 1 }, now)).toEqual({
      from: "2026-11-26T12:00:00.000Z",
      to: "2026-11-27T12:00:00.000Z",
    });
    expect(rangeOf({ period: "7d", page: 1 }, now)).toEqual({
      from: "2026-11-20T12:00:00.000Z",
      to: "2026-11-27T12:00:00.000Z",
    });
    expect(rangeOf({ period: "30d", page: 1 }, now).from).toBe("2026-10-28T12:00:00.000Z");
  });

  it("resolves a custom range to itself, whenever it is resolved", () => {
    const range = CUSTOM_RANGES[0] as { from: string; to: string };
    expect(rangeOf({ period: "custom", ...range, page: 1 }, now)).toEqual(range);
  });

  it("resolves a custom period without ends to the API's default range", () => {
    expect(toRequest({ period: "custom", page: 1 }).range).toEqual({ lastMs: undefined });
    expect(rangeOf({ period: "custom", page: 1 }, now)).toEqual({
      from: new Date(now.getTime() - DEFAULT_RANGE_MS).toISOString(),
      to: now.toISOString(),
    });
    expect(resolveStatisticsRange({}, now).from).toBe("2026-11-26T12:00:00.000Z");
  });

  it("every preset resolves to a range the API accepts", () => {
    for (const period of ["24h", "7d", "30d"] as const) {
      expect(rangeProblem(toInstants(rangeOf({ period, page: 1 }, now))), period).toBeNull();
    }
  });
});

describe("readCustomRange (the custom range form's check)", () => {
  it("reads the inputs as UTC+9 and passes a range the API accepts", () => {
    expect(readCustomRange(t, "2026-11-27T00:00", "2026-11-28T00:00")).toEqual({
      range: { from: "2026-11-26T15:00:00.000Z", to: "2026-11-27T15:00:00.000Z" },
    });
  });

  it("refuses an empty or reversed range under From", () => {
    const problem = { field: "from", message: "From must be before to." };
    expect(readCustomRange(t, "2026-11-27T10:00", "2026-11-27T10:00")).toEqual({ problem });
    expect(readCustomRange(t, "2026-11-27T10:01", "2026-11-27T10:00")).toEqual({ problem });
  });

  it("accepts one minute and exactly 90 days, refuses one minute more under To", () => {
    expect(readCustomRange(t, "2026-11-27T10:00", "2026-11-27T10:01")).toHaveProperty("range");
    expect(readCustomRange(t, "2026-08-01T00:00", "2026-10-30T00:00")).toEqual({
      range: { from: "2026-07-31T15:00:00.000Z", to: "2026-10-29T15:00:00.000Z" },
    });
    expect(readCustomRange(t, "2026-08-01T00:00", "2026-10-30T00:01")).toEqual({
      problem: { field: "to", message: "To must be at most 90 days after from." },
    });
  });

  it("asks for a date and time under the field that has none", () => {
    const missing = "Enter a date and time.";
    expect(readCustomRange(t, "", "2026-11-27T10:00")).toEqual({
      problem: { field: "from", message: missing },
    });
    expect(readCustomRange(t, "2026-11-27T10:00", "2026-02-31T00:00")).toEqual({
      problem: { field: "to", message: missing },
    });
    expect(readCustomRange(t, "garbage", "")).toEqual({
      problem: { field: "from", message: missing },
    });
  });

  it("words its problems in Japanese for a Japanese page", () => {
    expect(readCustomRange(ja, "2026-11-27T10:00", "2026-11-27T10:00")).toEqual({
      problem: { field: "from", message: "開始日時は終了日時より前にしてください。" },
    });
    expect(readCustomRange(ja, "2026-08-01T00:00", "2026-10-30T00:01")).toEqual({
      problem: { field: "to", message: "終了日時は開始日時から90日以内にしてください。" },
    });
    expect(readCustomRange(ja, "", "")).toEqual({
      problem: { field: "from", message: "日時を入力してください。" },
    });
  });

  it("names the field whose own time is out of bounds", () => {
    // Year 0000 in UTC+9 is before 0001-01-01 UTC: the rule refuses From itself.
    expect(readCustomRange(t, "0000-06-01T00:00", "2026-11-27T10:00")).toEqual({
      problem: {
        field: "from",
        message: "From must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.",
      },
    });
  });

  it("refuses exactly what the API's rule refuses", () => {
    const from = new Date("2026-08-01T00:00:00.000Z");
    for (const spanMs of [-DAY, -60_000, 0, 60_000, DAY, MAX_RANGE_MS, MAX_RANGE_MS + 60_000]) {
      const to = new Date(from.getTime() + spanMs);
      // 2026-08-01T00:00Z is 09:00 in UTC+9; the form's inputs are UTC+9 wall-clock minutes.
      const asInput = (instant: Date) =>
        new Date(instant.getTime() + 9 * BUCKET_MS.hour).toISOString().slice(0, 16);
      const read = readCustomRange(t, asInput(from), asInput(to));
      const problem = rangeProblem({ from, to });
      if (problem === null) {
        expect(read, String(spanMs)).toEqual({
          range: { from: from.toISOString(), to: to.toISOString() },
        });
      } else {
        const label = problem.property === "from" ? "From" : "To";
        expect(read, String(spanMs)).toEqual({
          problem: { field: problem.property, message: `${label} ${problem.message}.` },
        });
      }
    }
  });
});
