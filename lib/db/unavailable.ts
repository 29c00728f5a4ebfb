// Whether an error thrown by a query means the database cannot serve right now (an outage), as
// opposed to a bug: the server is down, restarting or refusing connections, the pool is
// exhausted, the connection dropped, or the disk is full. Requests answer those with 503 and
// Retry-After (lib/http/respond.ts) and log them as an outage. Errors arrive from three layers,
// each wrapping the one below: the Prisma client (P-codes), its driver adapters (a `kind`, the
// driver's own code) and the drivers (Node's socket codes, PostgreSQL's SQLSTATE, SQLite's codes).

/** Prisma's codes for a database it cannot reach or hold a connection to. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/** Driver adapters' kinds of the same (@prisma/driver-adapter-utils). */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs: connection exceptions (class 08), an administrator's or crash shutdown
 * and a server starting up (57P01–57P03), too many connections, a full disk, out of memory.
 */
function postgresUnavailable(code: string): boolean {
  return code.startsWith("08") || /^57P0[1-3]$/.test(code) || /^53(100|200|300)$/.test(code);
}

/** SQLite primary result codes: busy past the timeout, I/O error, full, cannot open, read-only. */
const SQLITE_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_READONLY",
]);
/** The same as numbers (Prisma's SQLite adapter reports the extended code). */
const SQLITE_NUMBERS = new Set([5, 10, 13, 14, 8]);

/** node-postgres's own errors for a connection it lost or could not get, which carry no code. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout/;

export function isDatabaseUnavailable(error: unknown): boolean {
  return inspect(error, 0);
}

function inspect(value: unknown, depth: number): boolean {
  if (depth > 5 || typeof value !== "object" || value === null) return false;
  const error = value as {
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    extendedCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: unknown;
    driverAdapterError?: unknown;
  };
  for (const code of [error.code, error.errorCode, error.originalCode]) {
    if (typeof code !== "string") continue;
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && postgresUnavailable(code)) return true;
    // better-sqlite3 names extended codes after their primary one: SQLITE_IOERR_WRITE.
    if (SQLITE_CODES.has(code.split("_").slice(0, 2).join("_"))) return true;
  }
  if (typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind)) return true;
  if (error.kind === "sqlite" && typeof error.extendedCode === "number") {
    // The primary result code is the low byte of the extended one.
    if (SQLITE_NUMBERS.has(error.extendedCode & 0xff)) return true;
  }
  if (typeof error.message === "string" && PG_MESSAGES.test(error.message)) return true;
  return (
    inspect(error.cause, depth + 1) ||
    inspect(error.meta, depth + 1) ||
    inspect(error.driverAdapterError, depth + 1)
  );
}
