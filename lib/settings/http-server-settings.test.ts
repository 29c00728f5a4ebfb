import { describe, expect, it } from "vitest";
import { InvalidSettingError } from "../settings/read-env";
import { httpServerSettingsFromEnv, originOf } from "./http-server-settings";

describe("httpServerSettingsFromEnv", () => {
  it("defaults to 127.0.0.1:3000, served as localhost and 127.0.0.1", () => {
    expect(httpServerSettingsFromEnv({})).toEqual({
      port: 3000,
      hostname: "127.0.0.1",
      keepAliveTimeoutMs: 65_000,
      origins: ["http://localhost:3000", "http://127.0.0.1:3000"],
    });
  });

  it("takes the default origins' port from PORT", () => {
    const settings = httpServerSettingsFromEnv({ PORT: "3344", HOSTNAME_BIND: "0.0.0.0" });
    expect(settings.port).toBe(3344);
    expect(settings.hostname).toBe("0.0.0.0");
    expect(settings.origins).toEqual(["http://localhost:3344", "http://127.0.0.1:3344"]);
  });

  it("replaces the default origins with CONSOLE_ORIGIN, written as browsers send them", () => {
    const settings = httpServerSettingsFromEnv({
      CONSOLE_ORIGIN:
        " https://Console.Example.com/ ,http://console.example.com:80,http://[::1]:3000",
    });
    expect(settings.origins).toEqual([
      "https://console.example.com",
      "http://console.example.com",
      "http://[::1]:3000",
    ]);
  });

  it.each([
    ["PORT", "0"],
    ["PORT", "65536"],
    ["PORT", "3000.5"],
    ["PORT", "0x10"],
    ["KEEP_ALIVE_TIMEOUT_MS", "-1"],
    ["CONSOLE_ORIGIN", "console.example.com"],
    ["CONSOLE_ORIGIN", "ftp://console.example.com"],
    ["CONSOLE_ORIGIN", "https://console.example.com/path"],
    ["CONSOLE_ORIGIN", "https://console.example.com?x=1"],
    ["CONSOLE_ORIGIN", "https://user@console.example.com"],
    ["CONSOLE_ORIGIN", "https://console.example.com:99999"],
    ["CONSOLE_ORIGIN", "*"],
    ["CONSOLE_ORIGIN", "null"],
  ])("refuses %s=%j, naming the variable", (name, value) => {
    let thrown: unknown;
    try {
      httpServerSettingsFromEnv({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSettingError);
    expect((thrown as InvalidSettingError).variable).toBe(name);
  });
});

describe("originOf", () => {
  it.each([
    ["http://localhost:3000", "http://localhost:3000"],
    ["HTTP://LOCALHOST:3000/", "http://localhost:3000"],
    ["https://console.example.com:443", "https://console.example.com"],
    ["http://127.0.0.1", "http://127.0.0.1"],
  ])("%s is the origin %s", (text, origin) => {
    expect(originOf(text)).toBe(origin);
  });

  it.each([
    "",
    "localhost:3000",
    "http://",
    "http:localhost",
    "https://console.example.com/x",
    "https://console.example.com#x",
    "https://a b.example",
  ])("%j is no origin", (text) => {
    expect(originOf(text)).toBeNull();
  });
});
