// The e2e web server: deletes the e2e SQLite file (playwright.config.ts chose and vetted it),
// then serves the existing production build. The key that encrypts channel secrets (no
// CONSOLE_SECRET_KEY is set) is generated beside it, `secret.key`, on the first run and kept: the
// directory is shared by the e2e servers of every port, and a fresh database starts with any key. Migrations run at server start (instrumentation.ts),
// so the run starts on an empty, fully migrated database. PostgreSQL URLs are used as they are.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL ?? "";
if (process.env.E2E_FRESH_DATABASE === "1" && url.startsWith("file:")) {
  const file = path.resolve(url.slice("file:".length));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("[e2e] No production build in .next: run `npx next build` before Playwright.");
  process.exit(1);
}

await import("../../scripts/serve.mjs");
