import { describe, expect, it } from "vitest";
import {
  allowedHosts,
  crossSiteRefusal,
  isAllowedHost,
  isStateChanging,
  requestHost,
  unsupportedMediaTypeRefusal,
} from "./request-defences";

const ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000", "https://console.example.com"];
const headers = (values: Record<string, string>) => new Headers(values);

describe("the Host allowlist (DNS rebinding)", () => {
  const hosts = allowedHosts(ORIGINS);

  it.each([
    "localhost:3000",
    "LOCALHOST:3000",
    "127.0.0.1:3000",
    "console.example.com",
    "console.example.com:443",
  ])("serves Host %s", (host) => {
    expect(isAllowedHost(host, hosts)).toBe(true);
  });

  it.each([
    "attacker.example:3000",
    "attacker.example",
    "localhost",
    "localhost:3001",
    "localhost.:3000",
    "127.0.0.1",
    "[::1]:3000",
    "console.example.com:80",
    "console.example.com.attacker.example",
    "",
    undefined,
  ])("refuses Host %j", (host) => {
    expect(isAllowedHost(host, hosts)).toBe(false);
  });
});

describe("crossSiteRefusal (CSRF)", () => {
  const check = (values: Record<string, string>, requireOrigin = false) =>
    crossSiteRefusal(headers(values), ORIGINS, { requireOrigin });

  it.each<Record<string, string>>([
    { origin: "http://127.0.0.1:3000" },
    { origin: "http://localhost:3000" },
    { origin: "https://console.example.com" },
    { origin: "http://localhost:3000", referer: "http://evil.example/" },
    { referer: "http://127.0.0.1:3000/console/channel/1234567890/basics" },
  ])("lets %j through", (values) => {
    expect(check(values)).toBeNull();
  });

  it.each<Record<string, string>>([
    { origin: "http://evil.example" },
    { origin: "http://localhost:3001" },
    { origin: "https://127.0.0.1:3000" },
    { origin: "http://console.example.com" },
    { origin: "null" },
    { origin: "" },
    { origin: "http://evil.example", referer: "http://localhost:3000/console" },
    { referer: "http://evil.example/page" },
    { referer: "http://localhost:3000.evil.example/" },
    { referer: "not a url" },
    { referer: "" },
  ])("refuses %j", (values) => {
    expect(check(values)).toMatch(/^Cross-site request refused: /);
  });

  it("lets a request with neither Origin nor Referer through, unless told to require one", () => {
    expect(check({})).toBeNull();
    expect(check({}, true)).toMatch(/must carry an Origin header/);
    expect(check({ origin: "http://localhost:3000" }, true)).toBeNull();
  });
});

describe("isStateChanging", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("%s changes state", (method) => {
    expect(isStateChanging(method)).toBe(true);
  });
  it.each(["GET", "HEAD", "OPTIONS", "TRACE"])("%s does not", (method) => {
    expect(isStateChanging(method)).toBe(false);
  });
});

describe("unsupportedMediaTypeRefusal (415)", () => {
  it.each<Record<string, string>>([
    {},
    { "content-length": "0" },
    { "content-type": "application/json" },
    { "content-type": "application/json; charset=utf-8", "content-length": "12" },
    { "content-type": "Application/JSON" },
  ])("accepts %j", (values) => {
    expect(unsupportedMediaTypeRefusal(headers(values))).toBeNull();
  });

  it.each<Record<string, string>>([
    { "content-type": "text/plain" },
    { "content-type": "text/plain;charset=UTF-8", "content-length": "12" },
    { "content-type": "application/x-www-form-urlencoded", "content-length": "3" },
    { "content-type": "multipart/form-data; boundary=x" },
    { "content-type": "application/jsonp" },
    { "content-type": "" },
  ])("refuses %j, naming the type", (values) => {
    expect(unsupportedMediaTypeRefusal(headers(values))).toMatch(
      /^Content-Type ".*" is not supported: send application\/json$/,
    );
  });

  it.each<Record<string, string>>([{ "content-length": "12" }, { "transfer-encoding": "chunked" }])(
    "refuses a body without a Content-Type (%j)",
    (values) => {
      expect(unsupportedMediaTypeRefusal(headers(values))).toBe(
        "A request body must be sent with Content-Type: application/json",
      );
    },
  );
});

describe("the host a request asks for (RFC 9112 §3.2)", () => {
  it("is the Host header for a target in origin form", () => {
    expect(requestHost("/api/providers", ["Host", "localhost:3000", "Accept", "*/*"])).toEqual({
      host: "localhost:3000",
      originForm: null,
    });
    expect(requestHost("/", [])).toEqual({ host: undefined, originForm: null });
  });

  it("refuses more than one Host header line, whatever their values", () => {
    for (const second of ["localhost:3000", "attacker.example"]) {
      expect(requestHost("/", ["Host", "localhost:3000", "host", second])).toEqual({
        badRequest: "A request carries one Host header, not several",
      });
    }
  });

  it("is the target's authority in absolute form, whatever the Host header says", () => {
    expect(
      requestHost("http://attacker.example/api/providers?x=1", ["Host", "localhost:3000"]),
    ).toEqual({ host: "attacker.example", originForm: "/api/providers?x=1" });
    expect(requestHost("HTTP://LOCALHOST:3000/console", ["Host", "attacker.example"])).toEqual({
      host: "localhost:3000",
      originForm: "/console",
    });
    expect(requestHost("https://console.example.com:443/", [])).toEqual({
      host: "console.example.com",
      originForm: "/",
    });
  });

  it.each(["ftp://localhost:3000/", "http://", "file:///etc/passwd", "javascript:alert(1)"])(
    "refuses a target in absolute form without an http(s) authority: %s",
    (target) => {
      expect(requestHost(target, ["Host", "localhost:3000"])).toHaveProperty("badRequest");
    },
  );
});
