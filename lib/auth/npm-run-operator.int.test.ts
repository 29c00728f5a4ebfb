// The command an operator runs to create an account or reset a password (docs/operators.md):
// `npm run operator -- create | reset-password`, on a database it migrates first if need be.
// It prints the password once; the tests sign in with it through Better Auth.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { resolveDatabaseConfig } from "../db/config";
import { scratchDir } from "../dev/testing/scratch-dir";
import { createStandaloneAuth } from "./auth";
import { operatorPasswordIs } from "./operators";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** scripts/operator.mts as `npm run operator` runs it (without npm's own start-up). */
function operatorCommand(databaseUrl: string, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/operator.mts", ...args],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  return { status: run.status, stderr: run.stderr, printed: last.startsWith("{") ? last : null };
}

it("creates an operator on a new database, refuses a second with that email, resets the password", {
  timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(path.join(scratchDir(), "npm-run-operator-"));
  dirs.push(dir);
  const databaseUrl = `file:${path.join(dir, "console.db")}`;

  const created = operatorCommand(databaseUrl, "create", "Ops@Example.com");
  expect(created.status, created.stderr).toBe(0);
  const first = JSON.parse(created.printed ?? "{}") as { email: string; password: string };
  expect(first.email).toBe("ops@example.com");
  expect(first.password).toMatch(/^[\w-]{24}$/);

  const again = operatorCommand(databaseUrl, "create", "ops@example.com");
  expect(again.status).toBe(1);
  expect(again.stderr).toContain("exists: use reset-password");
  expect(again.printed).toBeNull();

  const reset = operatorCommand(databaseUrl, "reset-password", "ops@example.com");
  expect(reset.status, reset.stderr).toBe(0);
  const second = JSON.parse(reset.printed ?? "{}") as { email: string; password: string };
  expect(second.password).not.toBe(first.password);

  const { auth, close } = createStandaloneAuth(resolveDatabaseConfig(databaseUrl));
  try {
    expect(await operatorPasswordIs(auth, "ops@example.com", second.password)).toBe(true);
    expect(await operatorPasswordIs(auth, "ops@example.com", first.password)).toBe(false);
  } finally {
    await close();
  }
});
