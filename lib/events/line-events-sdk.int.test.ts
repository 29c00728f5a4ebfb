// Every LINE event the console makes, sent for real: each type from each source it can come
// from, one webhook each, through the dispatcher to a bot behind the official SDK's middleware
// (@line/bot-sdk), which checks the signature and parses the body. Each arrives, none is
// refused, and the SDK reads the type and source each was sent as.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { getChannelSecret } from "../channels/get-channel";
import { updateChannel } from "../channels/update-channel";
import { sdkBot } from "../dev/testing/sdk-bot";
import { useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { createProvider } from "../providers/create-provider";
import { enqueueEvents } from "./enqueue-events";
import {
  EVENT_EXAMPLES,
  EVENT_TYPES,
  MESSAGE_EXAMPLES,
  MESSAGE_TYPES,
  sourcesOf,
} from "./event-catalogue";
import { sendEventsInput } from "./event-input";

const OPERATOR = "tester@example.com";

describe("every LINE event, through the official SDK's middleware", () => {
  const database = useTestDatabase("sqlite");
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it("reaches a bot behind @line/bot-sdk, signed and parsed as the type and source it was sent as", async () => {
    const { db, config } = database();
    const provider = await createProvider(db, { name: "Events" }, OPERATOR);
    const channel = await createChannel(db, provider.id, { name: "Every event" }, OPERATOR);
    const bot = await sdkBot((await getChannelSecret(db, channel.id)).channelSecret, 0);
    stops.push(() => bot.close());
    await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, OPERATOR);
    const sender = testDispatcher({ database: config, thread: false }, stops);
    await sender.start();

    const sent: { type: string; source?: { type: string }; [field: string]: unknown }[] = [
      ...EVENT_TYPES.flatMap((type) =>
        sourcesOf(type).map((source) => ({
          ...EVENT_EXAMPLES[type],
          type,
          source: { type: source },
        })),
      ),
      ...MESSAGE_TYPES.map((type) => ({ type: "message", message: MESSAGE_EXAMPLES[type] })),
    ];
    const result = await enqueueEvents(db, channel.id, sendEventsInput.parse(sent));
    expect(result.queued).toBe(true);
    await expect.poll(() => bot.received.length, { timeout: 15_000 }).toBe(sent.length);
    await sender.whenIdle();

    expect(bot.rejected).toEqual([]);
    const byId = new Map(bot.received.map((event) => [event.webhookEventId, event]));
    expect(
      result.webhookEventIds.map((id) => {
        const event = byId.get(id);
        return [event?.type, event?.sourceType];
      }),
    ).toEqual(
      sent.map((event) => [
        event.type,
        (event.source as { type: string } | undefined)?.type ?? "user",
      ]),
    );
  });
});
