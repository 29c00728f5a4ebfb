// Plain SQL on the hot paths (the dispatcher's claims, leases and recording), run either on a
// database driver directly (sql-driver.ts) or through a Prisma client (prisma-sql.ts), with the
// same statements. Why the driver: docs/adr/0022-hot-paths-on-the-driver.md.
import "server-only";

export type Dialect = "sqlite" | "postgres";

/** Runs statements: a connection, or a transaction on one. */
export interface SqlSession {
  readonly dialect: Dialect;
  /**
   * Runs one statement with positional parameters (`?` on SQLite, `$1…` on PostgreSQL) and
   * returns its rows (none for a statement that returns none). Texts are prepared once per
   * connection and reused: build them so that equal work gives equal text.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A connection of the hot path: statements, transactions, and a count of what it ran. */
export interface SqlConnection extends SqlSession {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. On
   * SQLite it begins on the event loop's next turn, sharing its commit with the transactions
   * asked for meanwhile (each under a savepoint: sql-driver.ts), takes the write lock then
   * (BEGIN IMMEDIATE), and statements outside it wait until it ends, since the one connection is
   * shared.
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Statements run so far, BEGIN and COMMIT included (the statement-count tests read it). */
  readonly statements: number;
  close(): Promise<void>;
}

/**
 * A time as a parameter: SQLite keeps times as the text Prisma's adapter writes (ISO 8601 with
 * "+00:00", compared as text, so every writer must use this one form); PostgreSQL's `timestamp(3)`
 * takes ISO 8601 and ignores the zone, which is UTC, as Prisma stores it.
 */
export function sqlTime(dialect: Dialect, instant: Date): string {
  const iso = instant.toISOString();
  return dialect === "sqlite" ? `${iso.slice(0, -1)}+00:00` : iso;
}

/** A boolean as a parameter: SQLite has no boolean type and stores 0 and 1, as Prisma does. */
export function sqlBool(dialect: Dialect, value: boolean): boolean | number {
  return dialect === "sqlite" ? (value ? 1 : 0) : value;
}

/**
 * A time column as read: PostgreSQL's driver gives a Date (read as UTC: sql-driver.ts), SQLite the
 * text sqlTime wrote (a time without a zone, as SQLite's own CURRENT_TIMESTAMP writes, is UTC).
 */
export function fromSqlTime(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  const text = String(value);
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

/** A boolean column as read: PostgreSQL gives a boolean, SQLite 0 or 1. */
export function fromSqlBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

/** A column of a set of rows passed as parameters, with its PostgreSQL type. */
export interface SqlColumn {
  name: string;
  /** `text`, `int`, `bool`, `timestamp(3)`, …: the element type of its PostgreSQL array. */
  pg: string;
}

/** Columns from `{ name: PostgreSQL type }`, in the object's order. */
export function sqlColumns(types: Record<string, string>): SqlColumn[] {
  return Object.entries(types).map(([name, pg]) => ({ name, pg }));
}

/**
 * Collects a statement's parameters while its text is written, left to right, and answers each
 * with its placeholder (`?` on SQLite, `$n` on PostgreSQL):
 *
 *     const p = new SqlParams(db.dialect);
 *     await db.query(`UPDATE "Webhook" SET "leaseUntil" = ${p.value(until)}
 *       WHERE "id" ${p.oneOf(ids)}`, p.list);
 *
 * Values never enter the text, and lists and sets of rows take a fixed number of parameters where
 * the dialect allows, so equal work gives equal text, prepared once.
 */
export class SqlParams {
  readonly list: unknown[] = [];

  constructor(readonly dialect: Dialect) {}

  value(value: unknown): string {
    this.list.push(value);
    return this.dialect === "postgres" ? `$${this.list.length}` : "?";
  }

  time(instant: Date): string {
    return this.value(sqlTime(this.dialect, instant));
  }

  bool(value: boolean): string {
    return this.value(sqlBool(this.dialect, value));
  }

  /**
   * `IN` a list of keys, as one parameter however many: an array on PostgreSQL, a JSON array on
   * SQLite. Write it after the column: `"id" ${p.oneOf(ids)}`.
   */
  oneOf(values: readonly (string | number)[], pgType = "text"): string {
    return this.dialect === "postgres"
      ? `= ANY(${this.value(values)}::${pgType}[])`
      : `IN (SELECT value FROM json_each(${this.value(JSON.stringify(values))}))`;
  }

  /**
   * Rows as a source for `INSERT … SELECT … FROM` and `UPDATE … FROM`, aliased `v` with the
   * columns' names: one statement per set of rows, however many. On PostgreSQL one array per
   * column through `unnest`, so the text is the same for any number of rows; on SQLite, which has
   * no arrays, a VALUES list: one text per number of rows (each prepared once), as fast per row
   * as a one-row statement run per row, where a JSON parameter read with `->>` was twice as slow.
   */
  rows(columns: readonly SqlColumn[], rows: readonly (readonly unknown[])[]): string {
    const names = columns.map((column) => `"${column.name}"`);
    if (this.dialect === "postgres") {
      const arrays = columns.map(
        (column, c) => `${this.value(rows.map((row) => row[c] ?? null))}::${column.pg}[]`,
      );
      return `(SELECT * FROM unnest(${arrays.join(", ")}) AS u(${names.join(", ")})) AS v`;
    }
    const row = `(${columns.map(() => "?").join(", ")})`;
    for (const values of rows)
      for (let c = 0; c < columns.length; c++) this.list.push(values[c] ?? null);
    const renamed = names.map((name, c) => `column${c + 1} AS ${name}`).join(", ");
    return `(SELECT ${renamed} FROM (VALUES ${Array.from(rows, () => row).join(", ")})) AS v`;
  }
}

/**
 * SQL for a time column or parameter (`base`, a timestamp expression) moved by `minutes` (an
 * integer expression, negative for earlier), in each dialect's stored form: PostgreSQL's interval
 * arithmetic; on SQLite the text sqlTime writes, rebuilt by strftime so that it still compares as
 * text with the stored times.
 */
export function sqlMinutesAfter(dialect: Dialect, base: string, minutes: string): string {
  return dialect === "postgres"
    ? `(${base} + make_interval(mins => ${minutes}))`
    : `(strftime('%Y-%m-%dT%H:%M:%f', ${base}, (${minutes}) || ' minutes') || '+00:00')`;
}

/** As sqlMinutesAfter, by a number of milliseconds (a numeric expression, at most ms precision). */
export function sqlMillisecondsAfter(dialect: Dialect, base: string, ms: string): string {
  return dialect === "postgres"
    ? `(${base} + (${ms}) * interval '1 millisecond')`
    : `(strftime('%Y-%m-%dT%H:%M:%f', ${base}, ((${ms}) / 1000.0) || ' seconds') || '+00:00')`;
}
