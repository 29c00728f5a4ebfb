import { describe, expect, it } from "vitest";
import * as channels from "@/lib/http/endpoints/channels";
import * as deliveries from "@/lib/http/endpoints/deliveries";
import * as providers from "@/lib/http/endpoints/providers";
import * as statistics from "@/lib/http/endpoints/statistics";
import { endpointKey, endpointPath, endpointSearch, endpointUrl } from "./endpoint-client";

describe("endpointUrl", () => {
  it("fills the path's parameters, each encoded as one segment", () => {
    expect(endpointPath(providers.removeMember, { providerId: "1", userId: "a/b c" })).toBe(
      "/api/providers/1/members/a%2Fb%20c",
    );
    expect(() => endpointPath(providers.removeMember, { providerId: "1" })).toThrow(/userId/);
  });

  it("writes the query in the order given, leaving out what is absent", () => {
    expect(
      endpointSearch({
        from: new Date("2026-12-01T00:00:00Z"),
        reason: undefined,
        page: 2,
        before: null,
        detail: "",
        on: true,
      }),
    ).toBe("from=2026-12-01T00%3A00%3A00.000Z&page=2&on=true");
    expect(endpointUrl(providers.listProviders)).toBe("/api/providers");
  });

  it("writes query strings the endpoint's own schema reads back to the same values", async () => {
    const cases = [
      [
        statistics.errorStatistics,
        {
          from: new Date("2026-12-01T00:00:00.000Z"),
          to: new Date("2026-12-02T00:00:00.000Z"),
          bucket: "hour",
          reason: "request_timeout",
          page: 3,
          pageSize: 20,
        },
      ],
      [
        deliveries.listDeliveries,
        { limit: 20, before: "01JDQ3V6Y8X9Z0ABCDEFGHJKMN", result: "failed", statusCode: 503 },
      ],
      [channels.listNotifications, { limit: 5 }],
    ] as const;
    for (const [endpoint, query] of cases) {
      const url = new URL(endpointUrl(endpoint, { params: { channelId: "1" }, query }), "http://x");
      const schema = await endpoint.query?.();
      if (!schema) throw new Error(`${endpoint.path} has no query`);
      const parsed = schema.parse(Object.fromEntries(url.searchParams));
      expect(parsed).toMatchObject(query);
    }
  });
});

describe("endpointKey", () => {
  it("is the path's segments after /api, so a resource's key prefixes its parts'", () => {
    expect(endpointKey(providers.listProviders)).toEqual(["providers"]);
    expect(endpointKey(channels.getChannel, { channelId: "7" })).toEqual(["channels", "7"]);
    expect(endpointKey(statistics.errorStatistics, { channelId: "7" }, { page: 1 })).toEqual([
      "channels",
      "7",
      "statistics",
      "errors",
      { page: 1 },
    ]);
  });
});
