// The e2e web server: deletes the e2e SQLite file (playwright.config.ts chose and vetted it) and
// the key file the server generated beside it (secret.key: no CONSOLE_SECRET_KEY is set), then
// serves the existing production build. Migrations run at server start (instrumentation.ts),
// so the run starts on an empty, fully migrated database. PostgreSQL URLs are used as they are.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL ?? "";
if (process.env.E2E_FRESH_DATABASE === "1" && url.startsWith("file:")) {
  const file = path.resolve(url.slice("file:".length));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  if (!process.env.CONSOLE_SECRET_KEY) {
    rmSync(path.join(path.dirname(file), "secret.key"), { force: true });
  }
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("[e2e] No production build in .next: run `npx next build` before Playwright.");
  process.exit(1);
}

await import("../../scripts/serve.mjs");
