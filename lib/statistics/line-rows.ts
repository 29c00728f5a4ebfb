import { formatUtc9Date, formatUtc9Time } from "../shared/utc9";

// The error table as LINE's console shows it (and the TSV a user can download from it): one row
// per rollup, i.e. per channel, 60-second window and (reason, detail), with times in UTC+9.

/** The fields of an error rollup that the table shows. */
export interface RollupForRow {
  reason: string;
  detail: string;
  errorCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface LineRow {
  /** "YYYY-MM-DD" in UTC+9, of the first error in the window. */
  date: string;
  /** "HH:MM:SS" in UTC+9, of the first error in the window. */
  start: string;
  /** "HH:MM:SS" in UTC+9, of the last error in the window. */
  end: string;
  reason: string;
  detail: string;
  errors: number;
}

export function toLineRow(rollup: RollupForRow): LineRow {
  return {
    date: formatUtc9Date(rollup.firstSeenAt),
    start: formatUtc9Time(rollup.firstSeenAt),
    end: formatUtc9Time(rollup.lastSeenAt),
    reason: rollup.reason,
    detail: rollup.detail,
    errors: rollup.errorCount,
  };
}

export const tsvHeader = "Date\tStart\tEnd\tReason\tDetail\tErrors";

// Anything that a TSV reader could take for a field or line separator: tab, LF, CR, vertical
// tab, form feed, NEL and the Unicode line/paragraph separators.
const SEPARATORS = /[\t\n\r\v\f\u0085\u2028\u2029]/g;

function field(value: string | number): string {
  return String(value).replace(SEPARATORS, " ");
}

/** One row as a TSV line, without the line end. */
export function tsvLine(row: LineRow): string {
  return [row.date, row.start, row.end, row.reason, row.detail, row.errors].map(field).join("\t");
}

/** The header and one line per row, every line ended by "\n". */
export function toTsv(rows: readonly LineRow[]): string {
  return [tsvHeader, ...rows.map(tsvLine)].map((line) => `${line}\n`).join("");
}
