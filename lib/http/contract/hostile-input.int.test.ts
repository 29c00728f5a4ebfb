// Regression tests for input that used to get a 5xx (or an answer in no known shape), through the
// route handlers in process (moved from e2e/api/hostile-input.api.spec.ts): text that is not valid
// Unicode, impossible dates and lax integers in query strings, webhook URLs that would be called
// elsewhere than they read. Each refusal is asserted with its status and the JSON error shape;
// each refused write, with the data unchanged. What the server in front of Next answers (broken
// percent-encoding in paths, wrong methods, TRACE, a 20 KB query string) stays in e2e/api/.
import { describe, expect, it } from "vitest";
import * as deliveriesRoute from "../../../app/api/channels/[channelId]/deliveries/route";
import * as eventsRoute from "../../../app/api/channels/[channelId]/events/route";
import * as channelRoute from "../../../app/api/channels/[channelId]/route";
import * as errorsRoute from "../../../app/api/channels/[channelId]/statistics/errors/route";
import * as errorsTsvRoute from "../../../app/api/channels/[channelId]/statistics/errors.tsv/route";
import * as verifyRoute from "../../../app/api/channels/[channelId]/webhook/verify/route";
import * as channelsRoute from "../../../app/api/providers/[providerId]/channels/route";
import * as providersRoute from "../../../app/api/providers/route";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { type ContractApi, expectErrorAnswer } from "../../dev/testing/contract-api";
import type { RouteHandler } from "../../dev/testing/route-call";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

/** Every provider and channel name in the database, as the API shows them. */
async function namesInUse(api: ContractApi): Promise<string[]> {
  const providers = await api.listProviders();
  const details = await Promise.all(providers.map((owned) => api.getProvider(owned.id)));
  return details.flatMap((detail) => [detail.name, ...detail.channels.map((c) => c.name)]);
}

/** The properties a 400 names, after checking the shape. */
async function refusedProperties(response: Response, what = ""): Promise<string[]> {
  const error = await expectErrorAnswer(response, 400, what);
  return error.details?.map((detail) => detail.property) ?? [];
}

describe.each(TEST_PROVIDERS)("on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  async function freshChannel() {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    const channel = await api.createChannel(owned.id, "Channel");
    return { api, provider: owned, channel };
  }

  describe("text that is not valid Unicode", () => {
    // Written as JSON escapes, as a client sends them; JSON.parse makes lone surrogates of them.
    it("is refused with 400 naming the property, in every body, and nothing changes", async () => {
      const { api, provider: owned, channel } = await freshChannel();
      const providerBefore = await api.getProvider(owned.id);
      // Names start with `marker`, so none of them may show up afterwards.
      const marker = "Refused";
      const channelPath = `/api/channels/${channel.id}`;
      const cases: [RouteHandler<never>, string, string, string, string][] = [
        [providersRoute.POST, "POST", "/api/providers", `{"name":"${marker}a\\ud800b"}`, "name"],
        [providersRoute.POST, "POST", "/api/providers", `{"name":"${marker}a\\u0000b"}`, "name"],
        [
          channelsRoute.POST,
          "POST",
          `/api/providers/${owned.id}/channels`,
          `{"name":"${marker}\\udc00"}`,
          "name",
        ],
        [
          channelsRoute.POST,
          "POST",
          `/api/providers/${owned.id}/channels`,
          '{"name":"Bot","description":"x\\ud83d"}',
          "description",
        ],
        [channelRoute.PATCH, "PATCH", channelPath, '{"name":"a\\ud800b"}', "name"],
        [channelRoute.PATCH, "PATCH", channelPath, '{"description":"\\udfff"}', "description"],
        [
          channelRoute.PATCH,
          "PATCH",
          channelPath,
          '{"webhookUrl":"https://example.com/\\ud800"}',
          "webhookUrl",
        ],
        [channelRoute.PATCH, "PATCH", channelPath, '{"useWebhook":true,"\\ud800":1}', "\ufffd"],
        [eventsRoute.POST, "POST", `${channelPath}/events`, '{"text":"hi \\ud800"}', "text"],
        [
          eventsRoute.POST,
          "POST",
          `${channelPath}/events`,
          '{"events":[{"type":"message","message":{"type":"text","text":"\\ud800"}}]}',
          "events.0.message.text",
        ],
        [
          eventsRoute.POST,
          "POST",
          `${channelPath}/events`,
          '{"events":[{"type":"postback","postback":{"data":"d\\udbff"}}]}',
          "events.0.postback.data",
        ],
        [
          verifyRoute.POST,
          "POST",
          `${channelPath}/webhook/verify`,
          '{"endpoint":"http://127.0.0.1:9/\\ud800"}',
          "endpoint",
        ],
      ];
      for (const [handler, method, path, body, property] of cases) {
        const what = `${method} ${path} ${body}`;
        const error = await expectErrorAnswer(
          await api.call(handler, { method, path, body }),
          400,
          what,
        );
        expect(error.details, what).toEqual([
          {
            property,
            message: expect.stringMatching(/holds (an unpaired UTF-16 surrogate|the NUL)/),
          },
        ]);
      }
      expect(await api.getChannel(channel.id)).toEqual(channel);
      expect(await api.getProvider(owned.id)).toEqual(providerBefore);
      expect((await namesInUse(api)).some((name) => name.startsWith(marker))).toBe(false);
      expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
      // Use webhook is off: a valid send would answer 200 {"sent": false}, so the 400s above came
      // from the text check, not from the channel's state.
      const valid = await api.call(eventsRoute.POST, {
        method: "POST",
        path: `${channelPath}/events`,
        json: { text: "ok" },
      });
      expect(valid.status).toBe(200);
    });
  });

  describe("query strings", () => {
    const BAD_TIMES: [query: string, properties: string[]][] = [
      ["from=1", ["from"]],
      ["from=10000", ["from"]],
      ["from=2026-11-27", ["from"]],
      ["from=2026-11-27T00:00:00", ["from"]],
      ["from=2026-02-30T00:00:00Z", ["from"]],
      ["from=2026-11-27T24:00:00Z", ["from"]],
      ["from=-000001-12-30T00:00:00Z", ["from"]],
      ["from=%2B275760-09-12T00:00:00Z", ["from"]],
      ["to=-271821-04-20T00:00:00Z", ["to"]],
      // Once answered 200 with a TSV named …-NaN-NaN-NaN.tsv whose body then broke off.
      ["from=%2B275760-09-12T00:00:00Z&to=%2B275760-09-13T00:00:00Z", ["from", "to"]],
      ["to=0000-12-31T23:00:00Z", ["to"]],
      // The default from, 24 hours before to, falls before 0001-01-01.
      ["to=0001-01-01T12:00:00Z", ["from"]],
      ["from=9999-12-31T23:59:59.999-00:01", ["from"]],
    ];
    const STATISTICS = { errors: errorsRoute.GET, "errors.tsv": errorsTsvRoute.GET } as const;

    it("refuse times that are not ISO 8601 instants in 0001–9999, naming them (JSON and TSV)", async () => {
      const { api, channel } = await freshChannel();
      for (const [query, properties] of BAD_TIMES) {
        for (const [path, handler] of Object.entries(STATISTICS)) {
          const what = `${path}?${query}`;
          const response = await api.call(handler, {
            method: "GET",
            path: `/api/channels/${channel.id}/statistics/${path}?${query}`,
          });
          // Refused before the download starts: no attachment, no half-sent file.
          expect(response.headers.get("content-disposition"), what).toBeNull();
          expect(await refusedProperties(response, what), what).toEqual(properties);
        }
      }
    });

    it("take the instants at the edges and with offsets", async () => {
      const { api, channel } = await freshChannel();
      const first = await api.errorStatistics(channel.id, {
        from: "0001-01-01T09:00:00+09:00",
        to: "0001-01-02T00:00:00Z",
      });
      expect(first.range.from).toBe("0001-01-01T00:00:00.000Z");
      const last = await api.errorStatisticsTsv(channel.id, {
        from: "9999-12-31T00:00:00.5Z",
        to: "9999-12-31T23:59:59.999Z",
      });
      expect(last.headers["content-disposition"]).toContain("-9999-12-31-10000-01-01.tsv");
      expect(last.text).toBe("Date\tStart\tEnd\tReason\tDetail\tErrors\n");
    });

    it("refuse integers that are not plain decimal digits, naming them", async () => {
      const { api, channel } = await freshChannel();
      const lax = ["0x10", "1e1", "%205", "5%20", "5.0", "%2B5", "-5", "0b1", "Infinity"];
      for (const value of lax) {
        const deliveries = await api.call(deliveriesRoute.GET, {
          method: "GET",
          path: `/api/channels/${channel.id}/deliveries?limit=${value}`,
        });
        expect(await refusedProperties(deliveries, `limit=${value}`)).toEqual(["limit"]);
        for (const name of ["page", "pageSize"]) {
          const statistics = await api.call(errorsRoute.GET, {
            method: "GET",
            path: `/api/channels/${channel.id}/statistics/errors?${name}=${value}`,
          });
          expect(await refusedProperties(statistics, `${name}=${value}`)).toEqual([name]);
        }
      }
      const digits = await api.call(deliveriesRoute.GET, {
        method: "GET",
        path: `/api/channels/${channel.id}/deliveries?limit=007`,
      });
      expect(digits.status).toBe(200);
    });
  });

  describe("webhook URLs that would be called elsewhere than they read", () => {
    it("are refused with 400 naming webhookUrl, and nothing changes", async () => {
      const { api, channel } = await freshChannel();
      const path = `/api/channels/${channel.id}`;
      const set = await api.updateChannel(channel.id, { webhookUrl: "https://example.com/hook" });
      const refused = [
        "http://a\nb/",
        "http://localhost\t:3000/",
        "https://example.com/a b",
        "https://example.com/\u0000",
        "https://example.com/\u202ekoob",
        "http:///path",
        "https:/example.com/",
        "http:example.com",
        "https://example.com\\evil.example/",
        "http://2130706433/",
        "https://ex%61mple.com/",
        "https://example.com/a/../b",
        "http://example.com/webhook",
        "http://127.0.0.1.nip.io/",
        "http://localhost./",
      ];
      for (const webhookUrl of refused) {
        const what = JSON.stringify(webhookUrl);
        const response = await api.call(channelRoute.PATCH, {
          method: "PATCH",
          path,
          json: { webhookUrl },
        });
        expect(await refusedProperties(response, what), what).toEqual(["webhookUrl"]);
      }
      expect(await api.getChannel(channel.id)).toEqual(set);
    });

    it("loopback http is stored exactly as sent", async () => {
      const { api, channel } = await freshChannel();
      for (const webhookUrl of [
        "http://LOCALHOST:3001/webhook",
        "http://127.1.2.3:8080/hook?x=1",
        "http://[::1]:8080/",
      ]) {
        expect((await api.updateChannel(channel.id, { webhookUrl })).webhookUrl).toBe(webhookUrl);
        expect((await api.getChannel(channel.id)).webhookUrl).toBe(webhookUrl);
      }
    });

    it("Verify refuses such an endpoint before sending anything", async () => {
      const { api, channel } = await freshChannel();
      for (const endpoint of ["http://a\nb/", "http:///x", "http://example.com/"]) {
        const response = await api.call(verifyRoute.POST, {
          method: "POST",
          path: `/api/channels/${channel.id}/webhook/verify`,
          json: { endpoint },
        });
        expect(await refusedProperties(response, endpoint)).toEqual(["endpoint"]);
      }
    });
  });
});
