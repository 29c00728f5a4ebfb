import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and integration tests that run every database test against a
// real SQLite file and a real PostgreSQL (started by lib/testing/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          // One file at a time: the machine has two cores and PostgreSQL needs one of them.
          fileParallelism: false,
          // CREATE DATABASE, migrations and the prisma CLI (schema drift) take a few seconds.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
