// The input contract of POST …/events, the deliveries list, Redeliver now and the webhook detail,
// through their handlers in process (moved from e2e/api/events-and-deliveries.api.spec.ts): what
// they refuse, that a refusal stores nothing, and what they show of webhooks a real dispatcher
// (in this process, polling the test's database) sent to a demo bot.
import { afterEach, describe, expect, it } from "vitest";
import * as redeliverRoute from "../../../app/api/channels/[channelId]/deliveries/redeliver/route";
import * as deliveriesRoute from "../../../app/api/channels/[channelId]/deliveries/route";
import * as eventsRoute from "../../../app/api/channels/[channelId]/events/route";
import * as webhookRoute from "../../../app/api/channels/[channelId]/webhooks/[webhookId]/route";
import type { WebhookDetail } from "../../deliveries/get-webhook-detail";
import { type DemoBot, startDemoBot } from "../../dev/demo-bot/demo-bot";
import { MALFORMED_IDS, notAJsonObject, UNKNOWN_ID } from "../../dev/testing/bad-input";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import {
  type ContractApi,
  type DeliveryList,
  expectErrorAnswer,
} from "../../dev/testing/contract-api";
import { sendSuccessThen500 } from "../../dev/testing/delivery-mix";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";
import { testDispatcher } from "../../dev/testing/test-dispatcher";

describe.each(TEST_PROVIDERS)("on %s", (provider) => {
  const app = useConsoleInProcess(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function freshChannel() {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    const channel = await api.createChannel(owned.id, "Channel");
    return { api, provider: owned, channel };
  }

  /**
   * What the e2e server runs beside its route handlers: a dispatcher sending what they store, and
   * a demo bot (mode "ok") checking signatures with the channel's secret.
   */
  async function dispatcherAndDemoBot(api: ContractApi, channelId: string): Promise<DemoBot> {
    const dispatcher = testDispatcher({ database: app().config, thread: false }, stops);
    await dispatcher.start();
    const secret = await api.getChannelSecret(channelId);
    const bot = await startDemoBot({ port: 0, channelSecret: async () => secret });
    stops.push(() => bot.close());
    return bot;
  }

  const postEvents = (api: ContractApi, path: string, call: { body?: string; json?: unknown }) =>
    api.call(eventsRoute.POST, { method: "POST", path, ...call });
  const getDeliveries = (api: ContractApi, path: string) =>
    api.call(deliveriesRoute.GET, { method: "GET", path });
  const redeliver = (api: ContractApi, path: string, call: { body?: string; json?: unknown }) =>
    api.call(redeliverRoute.POST, { method: "POST", path, ...call });

  describe("POST /api/channels/{id}/events", () => {
    it("answers 404 for unknown and malformed channel ids", async () => {
      const { api } = await app().signedIn();
      for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
        const what = id.slice(0, 40);
        const error = await expectErrorAnswer(
          await postEvents(api, `/api/channels/${id}/events`, { json: { text: "hello" } }),
          404,
          what,
        );
        expect(error.message, what).toMatch(/^Channel .* not found$/s);
      }
    });

    it("refuses bad bodies and stores no webhook", async () => {
      const { api, channel } = await freshChannel();
      // Use webhook on (at a port nothing listens on), so a body that slipped through would be
      // stored and answered 202, not 200 "not sent".
      await api.updateChannel(channel.id, {
        useWebhook: true,
        webhookUrl: "http://127.0.0.1:9/webhook",
      });
      const path = `/api/channels/${channel.id}/events`;
      // Messages are not checked here: for a body that parses, this handler's union schema
      // only says "(body): Invalid input".
      for (const { case: name, body } of notAJsonObject) {
        await expectErrorAnswer(await postEvents(api, path, { body }), 400, name);
      }
      const invalid: unknown[] = [
        {},
        { text: "" },
        { text: 42 },
        { text: "x".repeat(5001) },
        { text: "hi", userId: "not-a-user" },
        { text: "hi", extra: true },
        { events: [] },
        { events: "message" },
        { events: [{ type: "typing" }] },
        { events: [{ type: "join", source: { type: "user" } }] },
        { events: [{ type: "message", message: { type: "image" } }] },
        { events: [{ type: "message", message: { type: "location", latitude: "35.6" } }] },
        { events: [{ type: "beacon", beacon: { hwid: "d41d8cd98f", type: "wave" } }] },
        { events: [{ type: "follow", webhookEventId: "01HZZZZZZZZZZZZZZZZZZZZZZZ" }] },
        { events: Array.from({ length: 101 }, () => ({ type: "follow" })) },
        { text: "hi", events: [{ type: "follow" }] },
      ];
      for (const body of invalid) {
        const what = JSON.stringify(body).slice(0, 70);
        await expectErrorAnswer(await postEvents(api, path, { json: body }), 400, what);
      }
      // LINE's schema's problem, named by where it is in the body.
      const located = await expectErrorAnswer(
        await postEvents(api, path, {
          json: {
            events: [
              {
                type: "message",
                message: { type: "location", latitude: "35.6", longitude: 139.7 },
              },
            ],
          },
        }),
        400,
        "a location's latitude as text",
      );
      expect(located.message).toBe("events.0.message.latitude: must be number");
      expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
    });
  });

  describe("GET /api/channels/{id}/deliveries", () => {
    it("answers 404 for unknown and malformed channel ids", async () => {
      const { api } = await app().signedIn();
      for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
        await expectErrorAnswer(
          await getDeliveries(api, `/api/channels/${id}/deliveries`),
          404,
          id.slice(0, 40),
        );
      }
    });

    it("refuses bad query parameters", async () => {
      const { api, channel } = await freshChannel();
      const cases = [
        { query: "limit=0", property: "limit" },
        { query: "limit=201", property: "limit" },
        { query: "limit=abc", property: "limit" },
        { query: "limit=1.5", property: "limit" },
        { query: "limit=-1", property: "limit" },
        { query: "before=not-an-id", property: "before" },
        { query: "offset=10", property: "offset" },
        { query: "result=broken", property: "result" },
        { query: "reason=timeout", property: "reason" },
        { query: "statusCode=5xx", property: "statusCode" },
        { query: "redelivery=yes", property: "redelivery" },
        { query: "counted=1", property: "counted" },
        { query: "webhookEventId=abc", property: "webhookEventId" },
        { query: "from=2026-11-27", property: "from" },
        { query: "from=2026-11-27T10:00:00Z&to=2026-11-27T09:00:00Z", property: "to" },
      ];
      for (const { query, property } of cases) {
        const error = await expectErrorAnswer(
          await getDeliveries(api, `/api/channels/${channel.id}/deliveries?${query}`),
          400,
          query,
        );
        expect(
          error.details?.map((detail) => detail.property),
          query,
        ).toContain(property);
      }
      expect(await api.deliveries(channel.id, { limit: 200 })).toEqual({
        deliveries: [],
        nextBefore: null,
      });
      // An empty parameter means the same as an absent one (a client with no cursor yet).
      const blank = await getDeliveries(
        api,
        `/api/channels/${channel.id}/deliveries?before=&limit=`,
      );
      expect(blank.status).toBe(200);
      expect(await blank.json()).toEqual({ deliveries: [], nextBefore: null });
    });

    it("filters by outcome, reason and detail, and by webhookEventId", async () => {
      const { api, channel } = await freshChannel();
      const demoBot = await dispatcherAndDemoBot(api, channel.id);
      const ok = await sendSuccessThen500(api, channel.id, demoBot);
      const failed = await getDeliveries(
        api,
        `/api/channels/${channel.id}/deliveries?result=failed&reason=error_status_code&detail=500`,
      );
      expect(failed.status).toBe(200);
      const { deliveries } = (await failed.json()) as DeliveryList;
      expect(deliveries.map((delivery) => [delivery.statusCode, delivery.webhookStatus])).toEqual([
        [500, "failed"],
      ]);
      const byEvent = await getDeliveries(
        api,
        `/api/channels/${channel.id}/deliveries?webhookEventId=${ok.webhookEventIds[0]}`,
      );
      expect(((await byEvent.json()) as DeliveryList).deliveries.map((d) => d.success)).toEqual([
        true,
      ]);
    });
  });

  describe("POST /api/channels/{id}/deliveries/redeliver", () => {
    it("refuses what it cannot do, naming why, and changes nothing", async () => {
      const { api, channel } = await freshChannel();
      const demoBot = await dispatcherAndDemoBot(api, channel.id);
      const ok = await sendSuccessThen500(api, channel.id, demoBot);
      const path = `/api/channels/${channel.id}/deliveries/redeliver`;
      const before = await api.deliveries(channel.id, { limit: 200 });
      const failed = before.deliveries.find((delivery) => !delivery.success);
      if (!failed) throw new Error("the 500 was not recorded");

      const empty = await expectErrorAnswer(
        await redeliver(api, path, { json: { webhookIds: [] } }),
        400,
      );
      expect(empty.message).toBe("webhookIds: must name at least one webhook");
      const tooMany = await redeliver(api, path, {
        json: { webhookIds: Array(101).fill(failed.webhookId) },
      });
      expect(((await tooMany.json()) as { message: string }).message).toBe(
        "webhookIds: must name at most 100 webhooks",
      );
      for (const { case: name, body, message } of notAJsonObject) {
        const refused = await expectErrorAnswer(await redeliver(api, path, { body }), 400, name);
        expect(refused.message, name).toMatch(message);
      }
      await expectErrorAnswer(
        await redeliver(api, `/api/channels/${UNKNOWN_ID}/deliveries/redeliver`, {
          json: { webhookIds: [failed.webhookId] },
        }),
        404,
      );
      const unknown = await expectErrorAnswer(
        await redeliver(api, path, {
          json: { webhookIds: [failed.webhookId, "01ARZ3NDEKTSV4RRFFQ69G5FAV"] },
        }),
        404,
      );
      expect(unknown.message).toBe('Webhook "01ARZ3NDEKTSV4RRFFQ69G5FAV" not found');
      const delivered = await expectErrorAnswer(
        await redeliver(api, path, { json: { webhookIds: [failed.webhookId, ok.webhookId] } }),
        409,
      );
      expect(delivered.message).toContain("is delivered");

      expect(await api.deliveries(channel.id, { limit: 200 })).toEqual(before);
      expect(demoBot.recentEvents()).toHaveLength(2);
    });

    it("sends a failed webhook again at once, marked as a redelivery", async () => {
      const { api, channel } = await freshChannel();
      const demoBot = await dispatcherAndDemoBot(api, channel.id);
      await api.pointAt(channel.id, demoBot);
      demoBot.setMode("error500");
      const sent = await api.sendText(channel.id, "again, please");
      const [failed] = await api.waitForDeliveries(channel.id, 1);
      demoBot.setMode("ok");

      const queued = await redeliver(api, `/api/channels/${channel.id}/deliveries/redeliver`, {
        json: { webhookIds: [failed?.webhookId] },
      });
      expect(queued.status).toBe(202);
      expect(await queued.json()).toEqual({ webhookIds: [sent.webhookId] });
      const [latest] = await api.waitForDeliveries(channel.id, 2);
      expect(latest).toMatchObject({
        webhookId: sent.webhookId,
        attemptNumber: 2,
        isRedelivery: true,
        success: true,
        webhookStatus: "delivered",
      });
      expect(demoBot.recentEvents()).toEqual([
        { webhookEventId: sent.webhookEventIds[0], isRedelivery: false },
        { webhookEventId: sent.webhookEventIds[0], isRedelivery: true },
      ]);
    });
  });

  describe("GET /api/channels/{id}/webhooks/{webhookId}", () => {
    const getWebhook = (api: ContractApi, channelId: string, webhookId: string | undefined) =>
      api.call(webhookRoute.GET, {
        method: "GET",
        path: `/api/channels/${channelId}/webhooks/${webhookId}`,
      });

    it("answers 404 for an unknown or malformed id and for another channel's webhook", async () => {
      const { api, provider: owned, channel } = await freshChannel();
      const demoBot = await dispatcherAndDemoBot(api, channel.id);
      await api.pointAt(channel.id, demoBot);
      await api.sendText(channel.id, "mine");
      const [mine] = await api.waitForDeliveries(channel.id, 1);
      const other = await api.createChannel(owned.id, `${channel.name} (other)`);
      for (const [channelId, webhookId] of [
        [other.id, mine?.webhookId],
        [channel.id, "01J00000000000000000000000"],
        [channel.id, "not-a-webhook"],
        [UNKNOWN_ID, mine?.webhookId],
      ] as const) {
        const what = `${channelId}/${webhookId}`;
        const error = await expectErrorAnswer(
          await getWebhook(api, channelId, webhookId),
          404,
          what,
        );
        expect(error.message, what).toMatch(/^(Webhook|Channel) .* not found$/);
      }
    });

    it("shows a failed webhook's request as sent and the bot's answer", async () => {
      const { api, channel } = await freshChannel();
      const demoBot = await dispatcherAndDemoBot(api, channel.id);
      await sendSuccessThen500(api, channel.id, demoBot);
      const { deliveries } = await api.deliveries(channel.id);
      const failed = deliveries.find((delivery) => !delivery.success);
      if (!failed) throw new Error("no failed delivery");
      const response = await getWebhook(api, channel.id, failed.webhookId);
      expect(response.status).toBe(200);
      const detail = (await response.json()) as WebhookDetail;
      expect(detail.webhook).toMatchObject({
        id: failed.webhookId,
        status: "failed",
        webhookEventIds: failed.webhookEventIds,
      });
      expect(detail.request).toMatchObject({
        url: failed.url,
        isRedelivery: false,
        signatureMatchesCurrentSecret: true,
        headers: { "user-agent": "LineBotWebhook/2.0", "x-line-signature": expect.any(String) },
      });
      expect(JSON.parse(detail.request.body)).toMatchObject({
        events: [{ type: "message", message: { type: "text", text: "broken" } }],
      });
      expect(detail.attempts).toHaveLength(1);
      expect(detail.attempts[0]).toMatchObject({
        success: false,
        reason: "error_status_code",
        detail: "500",
        statusCode: 500,
        protocol: "http/1.1",
        // The demo bot's answer in mode error500 (lib/dev/demo-bot/demo-bot.ts).
        responseExcerpt: "demo bot: internal error",
        responseTruncated: false,
        timings: { tlsMs: null, responseMs: expect.any(Number) },
      });
    });
  });
});
