import { describe, expect, it } from "vitest";
import {
  DEFAULT_REDELIVERY_SCHEDULE_MS,
  dispatchSettingsFromEnv,
  sendOptionsFrom,
} from "./dispatch-settings";

describe("dispatch settings", () => {
  it("default to LINE's 2 s response limit and the documented redelivery schedule", () => {
    const settings = dispatchSettingsFromEnv({});
    expect(settings.requestTimeoutMs).toBe(2000);
    expect(settings.redeliverySchedule).toEqual(DEFAULT_REDELIVERY_SCHEDULE_MS);
    expect(settings.dnsServers).toEqual([]);
  });

  it("refuse non-public targets unless WEBHOOK_ALLOW_PRIVATE_TARGETS is true", () => {
    expect(dispatchSettingsFromEnv({}).allowPrivateTargets).toBe(false);
    expect(sendOptionsFrom(dispatchSettingsFromEnv({})).allowPrivateTargets).toBe(false);
    expect(
      dispatchSettingsFromEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "false" }).allowPrivateTargets,
    ).toBe(false);
    const allowing = dispatchSettingsFromEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" });
    expect(allowing.allowPrivateTargets).toBe(true);
    expect(sendOptionsFrom(allowing).allowPrivateTargets).toBe(true);
  });

  it("read a compressed redelivery schedule and DNS servers", () => {
    const settings = dispatchSettingsFromEnv({
      WEBHOOK_REDELIVERY_SCHEDULE_MS: "100, 200,300",
      WEBHOOK_DNS_SERVERS: "127.0.0.1:5353, 127.0.0.2",
    });
    expect(settings.redeliverySchedule).toEqual([100, 200, 300]);
    expect(settings.dnsServers).toEqual(["127.0.0.1:5353", "127.0.0.2"]);
  });

  it.each([
    ["WEBHOOK_REDELIVERY_SCHEDULE_MS", "100,soon"],
    ["WEBHOOK_REDELIVERY_SCHEDULE_MS", "0"],
    ["WEBHOOK_TIMEOUT_MS", "-1"],
    ["WEBHOOK_CONCURRENCY", "1.5"],
    ["WEBHOOK_ALLOW_PRIVATE_TARGETS", "yes"],
  ])("refuse %s=%s, naming the variable", (name, value) => {
    expect(() => dispatchSettingsFromEnv({ [name]: value })).toThrow(name);
  });
});
