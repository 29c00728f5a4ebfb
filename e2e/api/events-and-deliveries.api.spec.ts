import type { WebhookDetail } from "../../lib/deliveries/get-webhook-detail";
import { expect, test } from "../fixtures";
import { type DeliveryList, expectErrorResponse } from "../support/console-api";
import { sendSuccessThen500 } from "../support/delivery-mix";
import { MALFORMED_IDS, notAJsonObject, sendJson, sendRawJson, UNKNOWN_ID } from "./bad-input";

// Only the input contract of these two handlers: what they refuse, and that a refusal stores
// nothing. Sending and recording webhooks is covered by the dispatcher's integration tests.

test.describe("POST /api/channels/{id}/events", () => {
  test("answers 404 for unknown and malformed channel ids", async ({ request }) => {
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      await test.step(id.slice(0, 40), async () => {
        const error = await expectErrorResponse(
          await sendJson(request, "POST", `/api/channels/${id}/events`, { text: "hello" }),
          404,
        );
        expect(error.message).toMatch(/^Channel .* not found$/s);
      });
    }
  });

  test("refuses bad bodies and stores no webhook", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    // Use webhook on (at a port nothing listens on), so a body that slipped through would be
    // stored and answered 202, not 200 "not sent".
    await api.updateChannel(channel.id, {
      useWebhook: true,
      webhookUrl: "http://127.0.0.1:9/webhook",
    });
    const url = `/api/channels/${channel.id}/events`;
    // Messages are not checked here: for a body that parses, this handler's union schema
    // only says "(body): Invalid input".
    for (const { case: name, body } of notAJsonObject) {
      await test.step(name, async () => {
        await expectErrorResponse(await sendRawJson(request, "POST", url, body), 400);
      });
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
      { events: [{ type: "join" }] },
      { events: [{ type: "message", message: { type: "image" } }] },
      { events: [{ type: "follow", webhookEventId: "01HZZZZZZZZZZZZZZZZZZZZZZZ" }] },
      { events: Array.from({ length: 101 }, () => ({ type: "follow" })) },
      { text: "hi", events: [{ type: "follow" }] },
    ];
    for (const body of invalid) {
      await test.step(JSON.stringify(body).slice(0, 70), async () => {
        await expectErrorResponse(await sendJson(request, "POST", url, body), 400);
      });
    }
    expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
  });
});

test.describe("GET /api/channels/{id}/deliveries", () => {
  test("answers 404 for unknown and malformed channel ids", async ({ request }) => {
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      await test.step(id.slice(0, 40), async () => {
        await expectErrorResponse(await request.get(`/api/channels/${id}/deliveries`), 404);
      });
    }
  });

  test("refuses bad query parameters", async ({ request, api, freshChannel: { channel } }) => {
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
      await test.step(query, async () => {
        const error = await expectErrorResponse(
          await request.get(`/api/channels/${channel.id}/deliveries?${query}`),
          400,
        );
        expect(error.details?.map((detail) => detail.property)).toContain(property);
      });
    }
    expect(await api.deliveries(channel.id, { limit: 200 })).toEqual({
      deliveries: [],
      nextBefore: null,
    });
    // An empty parameter means the same as an absent one (a client with no cursor yet).
    const blank = await request.get(`/api/channels/${channel.id}/deliveries?before=&limit=`);
    expect(blank.status()).toBe(200);
    expect(await blank.json()).toEqual({ deliveries: [], nextBefore: null });
  });

  test("filters by outcome, reason and detail, and by webhookEventId", async ({
    api,
    request,
    freshChannel: { channel },
    demoBot,
  }) => {
    const ok = await sendSuccessThen500(api, channel.id, demoBot);
    const failed = await request.get(
      `/api/channels/${channel.id}/deliveries?result=failed&reason=error_status_code&detail=500`,
    );
    expect(failed.status()).toBe(200);
    const { deliveries } = (await failed.json()) as DeliveryList;
    expect(deliveries.map((delivery) => [delivery.statusCode, delivery.webhookStatus])).toEqual([
      [500, "failed"],
    ]);
    const byEvent = await request.get(
      `/api/channels/${channel.id}/deliveries?webhookEventId=${ok.webhookEventIds[0]}`,
    );
    expect(((await byEvent.json()) as DeliveryList).deliveries.map((d) => d.success)).toEqual([
      true,
    ]);
  });
});

test.describe("POST /api/channels/{id}/deliveries/redeliver", () => {
  test("refuses what it cannot do, naming why, and changes nothing", async ({
    api,
    request,
    freshChannel: { channel },
    demoBot,
  }) => {
    const ok = await sendSuccessThen500(api, channel.id, demoBot);
    const url = `/api/channels/${channel.id}/deliveries/redeliver`;
    const before = await api.deliveries(channel.id, { limit: 200 });
    const failed = before.deliveries.find((delivery) => !delivery.success);
    if (!failed) throw new Error("the 500 was not recorded");

    const empty = await request.post(url, { data: { webhookIds: [] } });
    await expectErrorResponse(empty, 400);
    expect((await empty.json()).message).toBe("webhookIds: must name at least one webhook");
    const tooMany = await request.post(url, {
      data: { webhookIds: Array(101).fill(failed.webhookId) },
    });
    expect((await tooMany.json()).message).toBe("webhookIds: must name at most 100 webhooks");
    for (const { body, message } of notAJsonObject) {
      const refused = await sendRawJson(request, "POST", url, body);
      await expectErrorResponse(refused, 400);
      expect((await refused.json()).message).toMatch(message);
    }
    await expectErrorResponse(
      await request.post(`/api/channels/${UNKNOWN_ID}/deliveries/redeliver`, {
        data: { webhookIds: [failed.webhookId] },
      }),
      404,
    );
    const unknown = await request.post(url, {
      data: { webhookIds: [failed.webhookId, "01ARZ3NDEKTSV4RRFFQ69G5FAV"] },
    });
    await expectErrorResponse(unknown, 404);
    expect((await unknown.json()).message).toBe('Webhook "01ARZ3NDEKTSV4RRFFQ69G5FAV" not found');
    const delivered = await request.post(url, {
      data: { webhookIds: [failed.webhookId, ok.webhookId] },
    });
    await expectErrorResponse(delivered, 409);
    expect((await delivered.json()).message).toContain("is delivered");

    expect(await api.deliveries(channel.id, { limit: 200 })).toEqual(before);
    expect(demoBot.recentEvents()).toHaveLength(2);
  });

  test("sends a failed webhook again at once, marked as a redelivery", async ({
    api,
    request,
    freshChannel: { channel },
    demoBot,
  }) => {
    await api.pointAt(channel.id, demoBot);
    demoBot.setMode("error500");
    const sent = await api.sendText(channel.id, "again, please");
    const [failed] = await api.waitForDeliveries(channel.id, 1);
    demoBot.setMode("ok");

    const queued = await request.post(`/api/channels/${channel.id}/deliveries/redeliver`, {
      data: { webhookIds: [failed?.webhookId] },
    });
    expect(queued.status()).toBe(202);
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

test.describe("GET /api/channels/{id}/webhooks/{webhookId}", () => {
  test("answers 404 for an unknown or malformed id and for another channel's webhook", async ({
    request,
    api,
    freshChannel: { provider, channel },
    demoBot,
  }) => {
    await api.pointAt(channel.id, demoBot);
    await api.sendText(channel.id, "mine");
    const [mine] = await api.waitForDeliveries(channel.id, 1);
    const other = await api.createChannel(provider.id, `${channel.name} (other)`);
    for (const [channelId, webhookId] of [
      [other.id, mine?.webhookId],
      [channel.id, "01J00000000000000000000000"],
      [channel.id, "not-a-webhook"],
      [UNKNOWN_ID, mine?.webhookId],
    ]) {
      await test.step(`${channelId}/${webhookId}`, async () => {
        const error = await expectErrorResponse(
          await request.get(`/api/channels/${channelId}/webhooks/${webhookId}`),
          404,
        );
        expect(error.message).toMatch(/^(Webhook|Channel) .* not found$/);
      });
    }
  });

  test("shows a failed webhook's request as sent and the bot's answer", async ({
    request,
    api,
    freshChannel: { channel },
    demoBot,
  }) => {
    await sendSuccessThen500(api, channel.id, demoBot);
    const { deliveries } = await api.deliveries(channel.id);
    const failed = deliveries.find((delivery) => !delivery.success);
    if (!failed) throw new Error("no failed delivery");
    const response = await request.get(`/api/channels/${channel.id}/webhooks/${failed.webhookId}`);
    expect(response.status()).toBe(200);
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
