// Generates both Prisma clients (SQLite and PostgreSQL) from the shared models.
// Runs on `npm install`; uses only Prisma's JS/WASM engines, so it needs no download.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const prismaBin = "node_modules/.bin/prisma";
if (!existsSync(prismaBin)) {
  console.log("prisma-generate: prisma CLI not installed (production install?), skipping");
  process.exit(0);
}
for (const provider of ["sqlite", "postgres"]) {
  execFileSync(prismaBin, ["generate", "--config", `prisma/${provider}/prisma.config.ts`], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
