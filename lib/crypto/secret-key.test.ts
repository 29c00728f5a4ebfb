import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidSettingError } from "../settings/read-env";
import { loadSecretKey, SecretKeyFileError, secretKeySettingFromEnv } from "./secret-key";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "secret-key-test-"));
  dirs.push(dir);
  return dir;
}

describe("CONSOLE_SECRET_KEY", () => {
  it("takes 32 bytes as base64 or 64 hex characters", () => {
    const key = randomBytes(32);
    for (const text of [key.toString("base64"), key.toString("hex")]) {
      expect(secretKeySettingFromEnv({ CONSOLE_SECRET_KEY: text })).toEqual({
        source: "env",
        key,
      });
    }
  });

  it("refuses anything else by name, without echoing the value", () => {
    const value = randomBytes(16).toString("hex");
    let error: unknown;
    try {
      secretKeySettingFromEnv({ CONSOLE_SECRET_KEY: value });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect((error as Error).message).toMatch(/^CONSOLE_SECRET_KEY must be 32 bytes/);
    expect((error as Error).message).not.toContain(value);
  });

  it("unset: a key file beside the SQLite file, or in data/ with PostgreSQL", () => {
    expect(secretKeySettingFromEnv({})).toEqual({
      source: "file",
      filePath: path.resolve("data/secret.key"),
    });
    expect(secretKeySettingFromEnv({ DATABASE_URL: "file:/srv/console/db.sqlite" })).toEqual({
      source: "file",
      filePath: "/srv/console/secret.key",
    });
    expect(secretKeySettingFromEnv({ DATABASE_URL: "postgres://db/console" })).toEqual({
      source: "file",
      filePath: path.resolve("data/secret.key"),
    });
  });
});

describe("the key file", () => {
  it("is generated on first use (0600, in a directory made 0700) and reused afterwards", () => {
    const filePath = path.join(tempDir(), "data", "secret.key");
    const first = loadSecretKey({ source: "file", filePath });
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect(statSync(filePath).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(filePath)).mode & 0o777).toBe(0o700);
    const again = loadSecretKey({ source: "file", filePath });
    expect(again).toEqual({ key: first.key, created: false });
  });

  it("refuses a file without a key, without showing its content", () => {
    const filePath = path.join(tempDir(), "secret.key");
    writeFileSync(filePath, "not a key at all\n", { mode: 0o600 });
    expect(() => loadSecretKey({ source: "file", filePath })).toThrow(SecretKeyFileError);
    expect(() => loadSecretKey({ source: "file", filePath })).not.toThrow(/not a key at all/);
    expect(readFileSync(filePath, "utf8")).toBe("not a key at all\n");
  });
});
