// Prisma CLI config for the PostgreSQL schema. `engine: "js"` with a driver adapter keeps the CLI
// on its WASM engines: nothing is downloaded (see docs/adr/0001-prisma-6-with-driver-adapters.md).
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
