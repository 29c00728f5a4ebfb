import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SQLITE_FILE, resolveDatabaseConfig } from "./config";

describe("resolveDatabaseConfig", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([undefined, "", "   "])("uses the embedded SQLite file for %j", (url) => {
    expect(resolveDatabaseConfig(url)).toEqual({
      provider: "sqlite",
      filePath: path.join(process.cwd(), "data", "console.db"),
    });
    expect(DEFAULT_SQLITE_FILE).toBe("data/console.db");
  });

  it("resolves a relative file: URL against the working directory", () => {
    expect(resolveDatabaseConfig("file:./tmp/dev.db")).toEqual({
      provider: "sqlite",
      filePath: path.join(process.cwd(), "tmp", "dev.db"),
    });
    expect(resolveDatabaseConfig("file:dev.db")).toEqual({
      provider: "sqlite",
      filePath: path.join(process.cwd(), "dev.db"),
    });
  });

  it("keeps an absolute file: URL", () => {
    expect(resolveDatabaseConfig("file:/var/lib/console/console.db")).toEqual({
      provider: "sqlite",
      filePath: "/var/lib/console/console.db",
    });
  });

  it.each([
    "postgres://console:pw@db.internal:5432/console",
    "postgresql://console@localhost/console?sslmode=disable",
  ])("uses PostgreSQL for %s", (url) => {
    expect(resolveDatabaseConfig(url)).toEqual({ provider: "postgres", url });
  });

  it("trims surrounding whitespace", () => {
    expect(resolveDatabaseConfig("  postgres://localhost/console\n")).toEqual({
      provider: "postgres",
      url: "postgres://localhost/console",
    });
  });

  it("refuses a file: URL without a path", () => {
    expect(() => resolveDatabaseConfig("file:")).toThrow(
      "DATABASE_URL must be a file: URL with a path",
    );
  });

  it.each(["mysql://localhost/console", "console.db", "sqlite:console.db", "http://x"])(
    "refuses %s",
    (url) => {
      expect(() => resolveDatabaseConfig(url)).toThrow(/DATABASE_URL must be empty/);
    },
  );

  it("reads DATABASE_URL when called without an argument", () => {
    vi.stubEnv("DATABASE_URL", "postgres://from-env/console");
    expect(resolveDatabaseConfig()).toEqual({
      provider: "postgres",
      url: "postgres://from-env/console",
    });
    vi.stubEnv("DATABASE_URL", "file:/srv/console.db");
    expect(resolveDatabaseConfig()).toEqual({ provider: "sqlite", filePath: "/srv/console.db" });
  });
});
