import os from "node:os";
import path from "node:path";
import { scratchDir } from "../../lib/dev/testing/scratch-dir";

/**
 * The database the e2e server uses. By default a SQLite file in memory (/dev/shm, else the system
 * temp directory; lib/dev/testing/scratch-dir.ts) that
 * `serve-fresh-database.mjs` deletes before the server starts, so every run begins empty.
 * E2E_DATABASE_URL may point elsewhere, but only at a local test database: the suite writes
 * providers and channels it cannot delete, and must never do so to someone's real data.
 * DATABASE_URL is deliberately not read, so a developer's own database is never picked up.
 * The property tests' console (the port after E2E_PORT, playwright.config.ts) has a database of
 * its own: E2E_PROPERTY_DATABASE_URL, or its own temp SQLite file.
 */
export function resolveE2eDatabaseUrl(port: number, env = process.env): string {
  const mainPort = Number(env.E2E_PORT ?? 3210);
  const requested = (
    port === mainPort ? env.E2E_DATABASE_URL : env.E2E_PROPERTY_DATABASE_URL
  )?.trim();
  const url =
    requested || `file:${path.join(scratchDir(), "webhook-console-e2e", `port-${port}.db`)}`;
  const refusal = whyNotATestDatabase(url);
  if (refusal) {
    const shown = url.replace(/\/\/[^@/]*@/, "//***@");
    throw new Error(`Refusing to run e2e tests against ${shown}: ${refusal}`);
  }
  return url;
}

const TEST_NAME = /(^|[^a-z])(test|e2e)/i;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", ""]);

function whyNotATestDatabase(url: string): string | null {
  if (url.startsWith("file:")) {
    const file = path.resolve(url.slice("file:".length));
    const inTemp = [os.tmpdir(), scratchDir()].some((dir) =>
      file.startsWith(path.join(dir, path.sep)),
    );
    if (inTemp || TEST_NAME.test(file)) return null;
    return "a SQLite file must be in the temp directory or have test/e2e in its path";
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const parsed = new URL(url);
    const socketHost = parsed.searchParams.get("host");
    const local = socketHost ? socketHost.startsWith("/") : LOCAL_HOSTS.has(parsed.hostname);
    if (!local) return "PostgreSQL must run on this machine (localhost or a socket)";
    if (!TEST_NAME.test(parsed.pathname.slice(1)))
      return "the database name must contain test or e2e";
    return null;
  }
  return "only file: (SQLite) and postgres:// URLs are supported";
}
