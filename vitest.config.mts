import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { listedOrderSequencer } from "./lib/dev/testing/listed-order-sequencer.mjs";

// Server modules start with `import "server-only"`, which throws outside React's server
// condition; tests run them on the server, as Next does, so it resolves to its empty module.
const serverOnly = {
  alias: { "server-only": path.resolve("node_modules/server-only/empty.js") },
};

// The key channel secrets are sealed with: one per run, so no test writes a key file (the server
// would generate data/secret.key). Child processes the tests start inherit it.
const env = { CONSOLE_SECRET_KEY: randomBytes(32).toString("base64") };

// Four projects: fast unit tests of lib/ and scripts/, unit tests of the client's logic in
// components/, integration tests, and the integration tests that must run alone, last.
/**
 * Integration files that run after the rest, with nothing else running, two at a time, in this
 * order: they keep time, and beside the two busy lanes a send once missed its limit. The order
 * pairs them: dispatch-faults runs beside the short files and then workers; the sender's files,
 * whose answers are timed against its limits (an answer after 1.5 s is in time, after 2.5 s it
 * is not), run last, beside the end of workers.
 */
const ALONE = [
  "lib/dispatch/dispatch-faults.int.test.ts",
  "lib/db/sqlite-writers.int.test.ts",
  "lib/retention/retention-while-dispatching.int.test.ts",
  "lib/statistics/delivery-rollups-workers.int.test.ts",
  "lib/dispatch/workers.int.test.ts",
  "lib/dispatch/send/sender-fault-lab.int.test.ts",
  "lib/dispatch/send/response-capture.int.test.ts",
  "lib/dispatch/send/connection-pool.int.test.ts",
  "lib/dispatch/send/target-guard.int.test.ts",
];

export default defineConfig({
  test: {
    // Two cores: two test files at a time.
    maxWorkers: 2,
    sequence: { sequencer: listedOrderSequencer({ "integration-alone": ALONE }) },
    projects: [
      {
        resolve: serverOnly,
        test: {
          name: "unit",
          env,
          // As the integration tests (below): one module load per worker, not per file.
          isolate: false,
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
          isolate: false,
          include: ["components/**/*.test.ts"],
          environment: "node",
        },
      },
      integration("integration", {
        include: ["lib/**/*.int.test.ts"],
        exclude: [...ALONE, "**/node_modules/**"],
      }),
      // Then, with nothing else running, the files that must keep time: the sender's limits,
      // worker processes with a lease, a 2-second request timeout, a frozen worker (two cores, and
      // two busy lanes beside them, made a send time out now and then).
      integration("integration-alone", { include: ALONE, groupOrder: 1 }),
    ],
  },
});

/**
 * Integration tests: every database test against a real SQLite file and a real PostgreSQL
 * (started by lib/dev/testing/global-setup.ts), and route handlers, which import "@/…". Files run
 * two at a time (the machine has two cores), each test on its own database; `groupOrder` 1 runs
 * the project after the others.
 */
function integration(
  name: string,
  files: { include: string[]; exclude?: string[]; groupOrder?: number },
) {
  return {
    resolve: {
      alias: [
        { find: "server-only", replacement: serverOnly.alias["server-only"] },
        { find: /^@\//, replacement: `${path.resolve(".")}/` },
      ],
    },
    test: {
      name,
      env,
      include: files.include,
      exclude: files.exclude,
      environment: "node",
      globalSetup: ["lib/dev/testing/global-setup.ts"],
      // Files share their worker's modules instead of loading them again each: loading was
      // 37 s of a 153 s run, and the tests took 100 s less CPU with it (2026-12-07). They keep
      // no state between files: handles are saved and restored (route-handles.ts), env stubs
      // undone, each test on its own database.
      isolate: false,
      ...(files.groupOrder === undefined ? {} : { sequence: { groupOrder: files.groupOrder } }),
      // Worker processes, the prisma CLI (schema drift) and PostgreSQL restarts take seconds.
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
}
