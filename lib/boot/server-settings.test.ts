import { describe, expect, it } from "vitest";
import { InvalidSettingError } from "../settings/read-env";
import { serverSettingsFromEnv } from "./server-settings";

describe("server settings", () => {
  it("default to a working console: SQLite, dispatcher on, LINE's limits", () => {
    const settings = serverSettingsFromEnv({});
    expect(settings.database.provider).toBe("sqlite");
    expect(settings.dispatcherEnabled).toBe(true);
    expect(settings.verifyLimitPerHour).toBe(60);
    expect(settings.endpointLimitPerMinute).toBe(1000);
    expect(settings.webhookUrlPolicy).toEqual({ requireHttps: false });
    expect(settings.dispatch.requestTimeoutMs).toBe(2000);
    expect(settings.retention).toMatchObject({
      enabled: true,
      windows: { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 },
    });
    // The SSRF guard is on: webhooks go to public addresses only.
    expect(settings.dispatch.allowPrivateTargets).toBe(false);
    expect(settings.http).toEqual({
      port: 3000,
      hostname: "127.0.0.1",
      keepAliveTimeoutMs: 65_000,
      origins: ["http://localhost:3000", "http://127.0.0.1:3000"],
    });
  });

  it("serve the console's origins: CONSOLE_ORIGIN, or localhost and 127.0.0.1 on PORT", () => {
    expect(serverSettingsFromEnv({ PORT: "3344" }).http.origins).toEqual([
      "http://localhost:3344",
      "http://127.0.0.1:3344",
    ]);
    expect(
      serverSettingsFromEnv({
        PORT: "3344",
        CONSOLE_ORIGIN: "https://Console.Example.com:443/, http://10.0.0.5:8080",
      }).http.origins,
    ).toEqual(["https://console.example.com", "http://10.0.0.5:8080"]);
  });

  it("read what npm start sets", () => {
    const settings = serverSettingsFromEnv({
      WEBHOOK_DISPATCHER: "off",
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    });
    expect(settings).toMatchObject({
      dispatcherEnabled: false,
      dispatch: { allowPrivateTargets: true },
    });
  });

  // One way for every setting: refused, naming the variable, never silently defaulted.
  it.each([
    ["DATABASE_URL", "mysql://localhost/console"],
    ["WEBHOOK_TIMEOUT_MS", "2s"],
    ["WEBHOOK_CONCURRENCY", "0"],
    ["WEBHOOK_REDELIVERY_SCHEDULE_MS", "10,soon"],
    ["WEBHOOK_VERIFY_LIMIT_PER_HOUR", "-5"],
    ["WEBHOOK_VERIFY_LIMIT_PER_HOUR", "lots"],
    ["WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE", "1k"],
    ["WEBHOOK_URL_REQUIRE_HTTPS", "yes"],
    ["WEBHOOK_ALLOW_PRIVATE_TARGETS", "yes"],
    ["WEBHOOK_DISPATCHER", "disabled"],
    ["PORT", "http"],
    ["PORT", "70000"],
    ["KEEP_ALIVE_TIMEOUT_MS", "1m"],
    ["CONSOLE_ORIGIN", "console.example.com"],
    ["CONSOLE_ORIGIN", "https://console.example.com/console"],
    ["CONSOLE_ORIGIN", "https://console.example.com, *"],
    ["CONSOLE_SECRET_KEY", "hunter2"],
    ["CONSOLE_SECRET_KEY", "0123456789abcdef0123456789abcdef"],
    ["RETENTION", "disabled"],
    ["RETENTION_ATTEMPTS_DAYS", "14d"],
    ["RETENTION_HOUR_ROLLUPS_DAYS", "30"],
    ["RETENTION_INTERVAL_MS", "0"],
  ])("refuse %s=%j, naming the variable", (name, value) => {
    let thrown: unknown;
    try {
      serverSettingsFromEnv({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSettingError);
    expect((thrown as InvalidSettingError).variable).toBe(name);
    expect((thrown as Error).message).toMatch(new RegExp(`^${name} must be `));
  });

  it("never shows a database password in the message", () => {
    expect(() =>
      serverSettingsFromEnv({ DATABASE_URL: "mysql://admin:hunter2@db/console" }),
    ).toThrow(/^(?!.*hunter2)/);
  });

  it("never shows a refused CONSOLE_SECRET_KEY in the message", () => {
    expect(() => serverSettingsFromEnv({ CONSOLE_SECRET_KEY: "hunter2hunter2" })).toThrow(
      /^CONSOLE_SECRET_KEY must be 32 bytes as base64 or as 64 hex characters \(got 14 characters, not shown\)$/,
    );
  });

  it("take CONSOLE_SECRET_KEY, or else a key file beside the database", () => {
    const key = "k".repeat(43);
    expect(serverSettingsFromEnv({ CONSOLE_SECRET_KEY: key }).secretKey.source).toBe("env");
    expect(serverSettingsFromEnv({ DATABASE_URL: "file:/var/lib/console/c.db" }).secretKey).toEqual(
      {
        source: "file",
        filePath: "/var/lib/console/secret.key",
      },
    );
  });
});
