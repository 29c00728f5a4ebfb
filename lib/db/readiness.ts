// Whether the database can serve the console now: it answers, and it can be written. A database
// that still answers reads but cannot write (a full disk, a read-only file or mount) accepts no
// events, settings or sign-ins, so it is not ready (GET /api/health/ready).
import "server-only";
import { randomBytes } from "node:crypto";
import { type SqlConnection, SqlParams } from "./sql";

/** A write about the size of a few events' rows: one that fits where they would. */
const PROBE_BYTES = 16 * 1024;
/** Longer than this, and the database is not ready: a load balancer should not wait on it. */
export const READINESS_TIMEOUT_MS = 2_000;

/** Writes and commits the probe row; resolves true once committed, false on error or timeout. */
export async function canWrite(
  db: SqlConnection,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<boolean> {
  const p = new SqlParams(db.dialect);
  const text = `INSERT INTO "ReadinessProbe" ("id", "payload", "checkedAt")
    VALUES (1, ${p.value(randomBytes(PROBE_BYTES))}, ${p.time(new Date())})
    ON CONFLICT ("id") DO UPDATE
    SET "payload" = excluded."payload", "checkedAt" = excluded."checkedAt"`;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db
        .transaction((tx) => tx.query(text, p.list))
        .then(
          () => true,
          () => false,
        ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
