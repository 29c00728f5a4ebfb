import { describe, expect, it } from "vitest";
import { gateRequest } from "./request-gate";

const ORIGIN = "http://127.0.0.1:3000";
const headers = (values: Record<string, string> = {}) => ({
  get: (name: string) => values[name] ?? null,
});
const gate = (method: string, path: string, values?: Record<string, string>) =>
  gateRequest(method, path, headers(values), [ORIGIN]);

describe("the request gate judges the path Next will route, not its spelling", () => {
  it("resolves dot segments before matching: an /api path no route serves is a JSON 404", () => {
    for (const path of [
      "/api/channels/../statistics/errors.tsv",
      "/api/channels/%2e%2e/statistics/errors.tsv",
      "/api/channels/1234567890/../../nothing",
    ]) {
      expect(gate("GET", path).refusal).toEqual({ status: 404, message: "Not found" });
    }
  });

  it("hands on the resolved path, and lets a route that exists through", () => {
    expect(gate("GET", "/api/providers/../providers")).toEqual({
      refusal: null,
      repairedPath: "/api/providers",
      pattern: "/api/providers",
    });
    expect(gate("GET", "/api/providers")).toEqual({
      refusal: null,
      repairedPath: null,
      pattern: "/api/providers",
    });
  });

  it("repairs broken percent-encoding so the route answers its own 404", () => {
    expect(gate("GET", "/api/channels/%ZZ")).toEqual({
      refusal: null,
      repairedPath: "/api/channels/%25ZZ",
      pattern: "/api/channels/[channelId]",
    });
  });

  it("answers a method the route lacks with 405 and Allow, a cross-site change with 403", () => {
    expect(gate("DELETE", "/api/providers").refusal).toMatchObject({
      status: 405,
      allow: "GET, HEAD, OPTIONS, POST",
    });
    const crossSite = gate("POST", "/api/providers/../providers", {
      origin: "http://evil.example",
      "content-type": "application/json",
    });
    expect(crossSite.refusal?.status).toBe(403);
    // A page path is checked too: a dot-segment spelling of /api cannot slip past as a page.
    expect(
      gate("POST", "/console/../api/providers", { origin: "http://evil.example" }).refusal,
    ).toMatchObject({ status: 403 });
  });

  it("refuses a body that is not JSON on the API with 415, not on /v2", () => {
    const textPlain = { origin: ORIGIN, "content-type": "text/plain" };
    expect(gate("POST", "/api/providers", textPlain).refusal?.status).toBe(415);
    expect(gate("POST", "/v2/bot/channel/webhook/test", textPlain).refusal).toBeNull();
  });
});
