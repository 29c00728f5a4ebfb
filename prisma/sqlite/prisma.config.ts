// Prisma CLI config for the SQLite schema. `engine: "js"` with a driver adapter keeps the CLI on
// its WASM engines: nothing is downloaded (see docs/adr/0001-prisma-6-with-driver-adapters.md).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL || ":memory:" });
  },
});
