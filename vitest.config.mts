import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Server modules start with `import "server-only"`, which throws outside React's server
// condition; tests run them on the server, as Next does, so it resolves to its empty module.
const serverOnly = {
  alias: { "server-only": path.resolve("node_modules/server-only/empty.js") },
};

// The key channel secrets are sealed with: one per run, so no test writes a key file (the server
// would generate data/secret.key). Child processes the tests start inherit it.
const env = { CONSOLE_SECRET_KEY: randomBytes(32).toString("base64") };

// Three projects: fast unit tests of lib/ and scripts/, unit tests of the client's logic in
// components/, and integration tests that run every database test against a real SQLite file
// and a real PostgreSQL (started by lib/dev/testing/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: serverOnly,
        test: {
          name: "unit",
          env,
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        // The browser's code: no server-only alias, so a value import from a server module fails.
        // "@/" is the repository root, as in tsconfig.json.
        resolve: { alias: [{ find: /^@\//, replacement: `${path.resolve(".")}/` }] },
        test: {
          name: "components",
          include: ["components/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // Route handlers too (lib/http/request-budget.int.test.ts), which import "@/…".
        resolve: {
          alias: [
            { find: "server-only", replacement: serverOnly.alias["server-only"] },
            { find: /^@\//, replacement: `${path.resolve(".")}/` },
          ],
        },
        test: {
          name: "integration",
          env,
          include: ["lib/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/dev/testing/global-setup.ts"],
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
