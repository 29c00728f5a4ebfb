// The channel routes' JSON contract, through their handlers in process (moved from
// e2e/api/channels.api.spec.ts): unknown ids, bad PATCH bodies and what they leave unchanged, the
// aggregation rule's 409, the limits a webhook URL may reach, and the channel secret.
import { describe, expect, it } from "vitest";
import * as channelRoute from "../../../app/api/channels/[channelId]/route";
import * as secretRoute from "../../../app/api/channels/[channelId]/secret/route";
import { MALFORMED_IDS, notAJsonObject, UNKNOWN_ID } from "../../dev/testing/bad-input";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { expectErrorAnswer, expectPropertiesRefused } from "../../dev/testing/contract-api";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

describe.each(TEST_PROVIDERS)("the channel routes on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  /** A signed-in operator with a fresh provider and channel (all settings off). */
  async function freshChannel() {
    const operator = await app().signedIn();
    const owned = await operator.api.createProvider("Provider");
    const channel = await operator.api.createChannel(owned.id, "Channel");
    return { operator, api: operator.api, provider: owned, channel };
  }

  describe("unknown channels", () => {
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      it(`every channel route answers 404 for ${id.slice(0, 40)}`, async () => {
        const { api } = await app().signedIn();
        const path = `/api/channels/${id}`;
        const responses = {
          "GET channel": await api.call(channelRoute.GET, { method: "GET", path }),
          "PATCH channel": await api.call(channelRoute.PATCH, {
            method: "PATCH",
            path,
            json: { useWebhook: true },
          }),
          "GET secret": await api.call(secretRoute.GET, { method: "GET", path: `${path}/secret` }),
          "POST secret": await api.call(secretRoute.POST, {
            method: "POST",
            path: `${path}/secret`,
          }),
        };
        for (const [name, response] of Object.entries(responses)) {
          const error = await expectErrorAnswer(response, 404, name);
          expect(error.message, name).toMatch(/^Channel .* not found$/s);
        }
      });
    }
  });

  describe("PATCH /api/channels/{id}", () => {
    it("refuses bodies that are not a JSON object, and changes nothing", async () => {
      const { api, channel } = await freshChannel();
      const path = `/api/channels/${channel.id}`;
      for (const { case: name, body, message } of notAJsonObject) {
        const error = await expectErrorAnswer(
          await api.call(channelRoute.PATCH, { method: "PATCH", path, body }),
          400,
          name,
        );
        expect(error.message, name).toMatch(message);
      }
      expect(await api.getChannel(channel.id)).toEqual(channel);
    });

    it("refuses wrong types, invalid values and unknown properties, and changes nothing", async () => {
      const { api, channel } = await freshChannel();
      const path = `/api/channels/${channel.id}`;
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
      await expectPropertiesRefused(
        (json) => api.call(channelRoute.PATCH, { method: "PATCH", path, json }),
        cases,
      );
      const proto = await expectErrorAnswer(
        await api.call(channelRoute.PATCH, {
          method: "PATCH",
          path,
          body: '{"__proto__": {"useWebhook": true}}',
        }),
        400,
        "__proto__ as a property",
      );
      expect(proto.details?.map((detail) => detail.property)).toContain("__proto__");
      // updatedAt included: not even a no-op write happened.
      expect(await api.getChannel(channel.id)).toEqual(channel);
    });

    it("refuses to change aggregation while Use webhook is off (409), writing nothing", async () => {
      const { api, channel } = await freshChannel();
      const path = `/api/channels/${channel.id}`;
      const patch = (json: unknown) =>
        api.call(channelRoute.PATCH, { method: "PATCH", path, json });
      const conflict = await expectErrorAnswer(
        await patch({ errorStatisticsAggregation: true }),
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
      await expectErrorAnswer(
        await patch({ useWebhook: false, errorStatisticsAggregation: false }),
        409,
      );
      expect(await api.getChannel(channel.id)).toEqual(bothOn);

      // With Use webhook off, aggregation keeps its value and cannot be switched off either.
      const webhookOff = await api.updateChannel(channel.id, { useWebhook: false });
      expect(webhookOff).toMatchObject({ useWebhook: false, errorStatisticsAggregation: true });
      await expectErrorAnswer(await patch({ errorStatisticsAggregation: false }), 409);
      expect(await api.getChannel(channel.id)).toEqual(webhookOff);
    });

    it("accepts the limits: a 500-character URL, http for local bots, and null to clear", async () => {
      const { api, channel } = await freshChannel();
      const longest = `https://example.com/${"a".repeat(480)}`;
      expect(longest).toHaveLength(500);
      expect((await api.updateChannel(channel.id, { webhookUrl: longest })).webhookUrl).toBe(
        longest,
      );
      const local = "http://localhost:8080/webhook";
      expect((await api.updateChannel(channel.id, { webhookUrl: ` ${local} ` })).webhookUrl).toBe(
        local,
      );
      expect((await api.updateChannel(channel.id, { webhookUrl: null })).webhookUrl).toBeNull();
    });
  });

  describe("/api/channels/{id}/secret", () => {
    it("reveals a 32-hex secret and reissues a different one", async () => {
      const { api, channel } = await freshChannel();
      const path = `/api/channels/${channel.id}/secret`;
      const revealed = await api.call(secretRoute.GET, { method: "GET", path });
      expect(revealed.headers.get("cache-control")).toContain("no-store");
      const { channelSecret: before } = (await revealed.json()) as { channelSecret: string };
      expect(before).toMatch(/^[0-9a-f]{32}$/);

      const reissued = await api.call(secretRoute.POST, { method: "POST", path });
      expect(reissued.status).toBe(200);
      const { channelSecret: after } = (await reissued.json()) as { channelSecret: string };
      expect(after).toMatch(/^[0-9a-f]{32}$/);
      expect(after).not.toBe(before);
      expect(await api.getChannelSecret(channel.id)).toBe(after);
    });

    it("schedules a reissue for later, and refuses a time it cannot read or keep", async () => {
      const { api, channel } = await freshChannel();
      const path = `/api/channels/${channel.id}/secret`;
      const before = await api.getChannelSecret(channel.id);
      const tooFar = new Date(Date.now() + 31 * 86_400_000).toISOString();
      for (const json of [
        { switchAt: "tomorrow" },
        { switchAt: "2026-12-08T10:00" },
        { switchAt: 1_765_000_000_000 },
        { switchAt: tooFar },
        { switchAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"), extra: 1 },
      ]) {
        const refused = await api.call(secretRoute.POST, { method: "POST", path, json });
        const error = await expectErrorAnswer(refused, 400);
        expect(error.message).toMatch(/switchAt|extra/);
      }
      expect(await api.getChannelSecret(channel.id)).toBe(before);

      const at = new Date(Date.now() + 3_600_000);
      at.setUTCMilliseconds(0);
      const scheduled = await api.call(secretRoute.POST, {
        method: "POST",
        path,
        json: { switchAt: at.toISOString() },
      });
      expect(scheduled.status).toBe(200);
      const answer = (await scheduled.json()) as { channelSecret: string; switchesAt: string };
      expect(answer.switchesAt).toBe(at.toISOString());
      // Until then the current secret signs; the reveal shows both.
      const revealed = await api.call(secretRoute.GET, { method: "GET", path });
      expect(await revealed.json()).toEqual({
        channelSecret: before,
        scheduled: { channelSecret: answer.channelSecret, switchesAt: at.toISOString() },
      });
    });
  });
});
