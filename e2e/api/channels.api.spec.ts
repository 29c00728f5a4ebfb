import { expect, test } from "../fixtures";
import { expectErrorResponse } from "../support/console-api";
import { MALFORMED_IDS, notAJsonObject, sendJson, sendRawJson, UNKNOWN_ID } from "./bad-input";

test.describe("unknown channels", () => {
  for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
    test(`every channel route answers 404 for ${id.slice(0, 40)}`, async ({ request }) => {
      const responses = {
        "GET channel": await request.get(`/api/channels/${id}`),
        "PATCH channel": await sendJson(request, "PATCH", `/api/channels/${id}`, {
          useWebhook: true,
        }),
        "GET secret": await request.get(`/api/channels/${id}/secret`),
        "POST secret": await request.post(`/api/channels/${id}/secret`),
      };
      for (const [name, response] of Object.entries(responses)) {
        await test.step(name, async () => {
          const error = await expectErrorResponse(response, 404);
          expect(error.message).toMatch(/^Channel .* not found$/s);
        });
      }
    });
  }
});

test.describe("PATCH /api/channels/{id}", () => {
  test("refuses bodies that are not a JSON object, and changes nothing", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    const url = `/api/channels/${channel.id}`;
    for (const { case: name, body, message } of notAJsonObject) {
      await test.step(name, async () => {
        const error = await expectErrorResponse(
          await sendRawJson(request, "PATCH", url, body),
          400,
        );
        expect(error.message).toMatch(message);
      });
    }
    expect(await api.getChannel(channel.id)).toEqual(channel);
  });

  test("refuses wrong types, invalid values and unknown properties, and changes nothing", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    const url = `/api/channels/${channel.id}`;
    const cases: { body: Record<string, unknown>; property: string }[] = [
      { body: {}, property: "(body)" },
      { body: { useWebhook: "true" }, property: "useWebhook" },
      { body: { useWebhook: 1 }, property: "useWebhook" },
      { body: { useWebhook: null }, property: "useWebhook" },
      { body: { webhookRedelivery: "on" }, property: "webhookRedelivery" },
      { body: { errorStatisticsAggregation: [] }, property: "errorStatisticsAggregation" },
      { body: { errorNotification: "on" }, property: "errorNotification" },
      { body: { notificationEmail: "not an address" }, property: "notificationEmail" },
      {
        body: { notificationEmail: "a@example.com\r\nBcc: b@example.com" },
        property: "notificationEmail",
      },
      { body: { notificationEmail: `${"a".repeat(250)}@e.co` }, property: "notificationEmail" },
      { body: { notificationEmail: 7 }, property: "notificationEmail" },
      { body: { name: "" }, property: "name" },
      { body: { name: 12 }, property: "name" },
      { body: { name: "n".repeat(101) }, property: "name" },
      { body: { description: "d".repeat(501) }, property: "description" },
      { body: { webhookUrl: 42 }, property: "webhookUrl" },
      { body: { webhookUrl: { href: "https://example.com/" } }, property: "webhookUrl" },
      { body: { webhookUrl: "ftp://example.com" }, property: "webhookUrl" },
      { body: { webhookUrl: "javascript:alert(1)" }, property: "webhookUrl" },
      { body: { webhookUrl: "example.com/webhook" }, property: "webhookUrl" },
      { body: { webhookUrl: "https://user:pw@example.com/" }, property: "webhookUrl" },
      {
        body: { webhookUrl: `https://example.com/${"a".repeat(481)}` },
        property: "webhookUrl",
      },
      // A valid change next to an invalid one is refused as a whole.
      { body: { useWebhook: true, webhookUrl: "ftp://example.com" }, property: "webhookUrl" },
      // Unknown and read-only properties are refused, not silently dropped.
      { body: { useWebhook: true, bogus: 1 }, property: "bogus" },
      { body: { channelSecret: "0".repeat(32) }, property: "channelSecret" },
      { body: { id: "1234567890" }, property: "id" },
      { body: { providerId: "1234567890" }, property: "providerId" },
      { body: { botUserId: `U${"0".repeat(32)}` }, property: "botUserId" },
      { body: { updatedAt: "2020-01-01T00:00:00.000Z" }, property: "updatedAt" },
      { body: { UseWebhook: true }, property: "UseWebhook" },
    ];
    for (const { body, property } of cases) {
      await test.step(JSON.stringify(body).slice(0, 70), async () => {
        const error = await expectErrorResponse(await sendJson(request, "PATCH", url, body), 400);
        expect(error.details?.map((detail) => detail.property)).toContain(property);
      });
    }
    await test.step("__proto__ as a property", async () => {
      const error = await expectErrorResponse(
        await sendRawJson(request, "PATCH", url, '{"__proto__": {"useWebhook": true}}'),
        400,
      );
      expect(error.details?.map((detail) => detail.property)).toContain("__proto__");
    });
    // updatedAt included: not even a no-op write happened.
    expect(await api.getChannel(channel.id)).toEqual(channel);
  });

  test("refuses to change aggregation while Use webhook is off (409), writing nothing", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    const url = `/api/channels/${channel.id}`;
    const conflict = await expectErrorResponse(
      await sendJson(request, "PATCH", url, { errorStatisticsAggregation: true }),
      409,
    );
    expect(conflict.details?.[0]?.property).toBe("errorStatisticsAggregation");
    expect(await api.getChannel(channel.id)).toEqual(channel);

    // Turning both on at once is fine: the rule applies to the resulting state.
    const bothOn = await api.updateChannel(channel.id, {
      useWebhook: true,
      errorStatisticsAggregation: true,
    });
    expect(bothOn).toMatchObject({ useWebhook: true, errorStatisticsAggregation: true });

    // Turning Use webhook off while switching aggregation is refused as a whole.
    await expectErrorResponse(
      await sendJson(request, "PATCH", url, {
        useWebhook: false,
        errorStatisticsAggregation: false,
      }),
      409,
    );
    expect(await api.getChannel(channel.id)).toEqual(bothOn);

    // With Use webhook off, aggregation keeps its value and cannot be switched off either.
    const webhookOff = await api.updateChannel(channel.id, { useWebhook: false });
    expect(webhookOff).toMatchObject({ useWebhook: false, errorStatisticsAggregation: true });
    await expectErrorResponse(
      await sendJson(request, "PATCH", url, { errorStatisticsAggregation: false }),
      409,
    );
    expect(await api.getChannel(channel.id)).toEqual(webhookOff);
  });

  test("accepts the limits: a 500-character URL, http for local bots, and null to clear", async ({
    api,
    freshChannel: { channel },
  }) => {
    const longest = `https://example.com/${"a".repeat(480)}`;
    expect(longest).toHaveLength(500);
    expect((await api.updateChannel(channel.id, { webhookUrl: longest })).webhookUrl).toBe(longest);
    const local = "http://localhost:8080/webhook";
    expect((await api.updateChannel(channel.id, { webhookUrl: ` ${local} ` })).webhookUrl).toBe(
      local,
    );
    expect((await api.updateChannel(channel.id, { webhookUrl: null })).webhookUrl).toBeNull();
  });
});

test.describe("/api/channels/{id}/secret", () => {
  test("reveals a 32-hex secret and reissues a different one", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    const revealed = await request.get(`/api/channels/${channel.id}/secret`);
    expect(revealed.headers()["cache-control"]).toContain("no-store");
    const { channelSecret: before } = await revealed.json();
    expect(before).toMatch(/^[0-9a-f]{32}$/);

    const reissued = await request.post(`/api/channels/${channel.id}/secret`);
    expect(reissued.status()).toBe(200);
    const { channelSecret: after } = await reissued.json();
    expect(after).toMatch(/^[0-9a-f]{32}$/);
    expect(after).not.toBe(before);
    expect(await api.getChannelSecret(channel.id)).toBe(after);
  });
});
