// LINE's webhook endpoint API in the domain: its 404, its 400 and its per-method rate limits.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { InvalidInputError, MissingError, RateLimitedError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { consumeRateLimit } from "../rate-limits/consume-rate-limit";
import { createChannel } from "./create-channel";
import { findChannelOrThrow } from "./find-channel";
import {
  endpointRateLimit,
  getWebhookEndpoint,
  INVALID_WEBHOOK_ENDPOINT_MESSAGE,
  setWebhookEndpoint,
  WEBHOOK_ENDPOINT_NOT_FOUND_MESSAGE,
} from "./webhook-endpoint";

async function newChannel(db: Db) {
  const provider = await createProvider(db, { name: "Acme" }, "tester@example.com");
  return createChannel(db, provider.id, { name: "Echo bot" }, "tester@example.com");
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

describe.each(TEST_PROVIDERS)("webhook endpoint API on %s", (provider) => {
  const database = useTestDatabase(provider);
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("answers LINE's 404 while no URL is set, then the URL and Use webhook", async () => {
    const { db } = database();
    const channel = await newChannel(db);
    const missing = await rejection(
      getWebhookEndpoint(db, await findChannelOrThrow(db, channel.id)),
    );
    expect(missing).toBeInstanceOf(MissingError);
    expect(missing).toMatchObject({ message: WEBHOOK_ENDPOINT_NOT_FOUND_MESSAGE });

    expect(await setWebhookEndpoint(db, channel.id, "  https://bot.example.com/hook ")).toEqual({});
    expect(await getWebhookEndpoint(db, await findChannelOrThrow(db, channel.id))).toEqual({
      endpoint: "https://bot.example.com/hook",
      active: false,
    });
  });

  it.each(["", "   ", "not a url", "ftp://bot.example.com/", "https://u:p@bot.example.com/"])(
    "refuses %j with LINE's 400 and keeps the URL",
    async (endpoint) => {
      const { db } = database();
      const channel = await newChannel(db);
      await setWebhookEndpoint(db, channel.id, "https://bot.example.com/kept");
      const error = await rejection(setWebhookEndpoint(db, channel.id, endpoint));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ message: INVALID_WEBHOOK_ENDPOINT_MESSAGE, details: [] });
      expect((await findChannelOrThrow(db, channel.id)).webhookUrl).toBe(
        "https://bot.example.com/kept",
      );
    },
  );

  it("allows LINE's 1,000 calls per minute by default, the 1,001st is refused", async () => {
    const { db } = database();
    const channel = await newChannel(db);
    const limit = endpointRateLimit("get", {});
    expect(limit).toMatchObject({ limit: 1000, windowMs: 60_000 });
    // A fixed clock: all 1,001 calls in one window, however long they take.
    const now = new Date("2026-11-27T10:00:30Z");
    for (let i = 0; i < 1000; i++) await consumeRateLimit(db, limit, channel.id, now);
    expect(await rejection(consumeRateLimit(db, limit, channel.id, now))).toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 30,
    });
  });

  it("limits GET and PUT per channel and per method", async () => {
    vi.stubEnv("WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE", "3");
    // These calls read the real clock, and the limit's windows are whole minutes: started in a
    // minute's last seconds, the fourth call could fall in the next window and be allowed. Start
    // with at least 20 s of the minute left.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000)
      await new Promise((resolve) => setTimeout(resolve, 60_010 - intoMinute));
    const { db } = database();
    const channel = await newChannel(db);
    const other = await newChannel(db);
    for (let i = 0; i < 3; i++) await setWebhookEndpoint(db, channel.id, "https://a.example/");
    expect(
      await rejection(setWebhookEndpoint(db, channel.id, "https://b.example/")),
    ).toBeInstanceOf(RateLimitedError);
    expect((await findChannelOrThrow(db, channel.id)).webhookUrl).toBe("https://a.example/");
    // GET counts apart from PUT, and another channel apart from this one.
    const row = await findChannelOrThrow(db, channel.id);
    for (let i = 0; i < 3; i++) await getWebhookEndpoint(db, row);
    expect(await rejection(getWebhookEndpoint(db, row))).toBeInstanceOf(RateLimitedError);
    expect(await setWebhookEndpoint(db, other.id, "https://c.example/")).toEqual({});
  });
});
