// The console's JSON API called in process, through the route handlers themselves: the in-process
// twin of e2e/support/console-api.ts, for arranging data and checking what was stored in the
// contract tests (lib/http/contract/). Each call asserts the status a success has.
import "server-only";
import { expect } from "vitest";
import * as accessTokenRoute from "../../../app/api/channels/[channelId]/access-token/route";
import * as deliveriesRoute from "../../../app/api/channels/[channelId]/deliveries/route";
import * as eventsRoute from "../../../app/api/channels/[channelId]/events/route";
import * as channelRoute from "../../../app/api/channels/[channelId]/route";
import * as secretRoute from "../../../app/api/channels/[channelId]/secret/route";
import * as errorsRoute from "../../../app/api/channels/[channelId]/statistics/errors/route";
import * as errorsTsvRoute from "../../../app/api/channels/[channelId]/statistics/errors.tsv/route";
import * as verifyRoute from "../../../app/api/channels/[channelId]/webhook/verify/route";
import * as channelsRoute from "../../../app/api/providers/[providerId]/channels/route";
import * as providerRoute from "../../../app/api/providers/[providerId]/route";
import * as providersRoute from "../../../app/api/providers/route";
import type { getChannelAccessTokenStatus } from "../../access-tokens/get-channel-access-token-status";
import type { issueChannelAccessToken } from "../../access-tokens/issue-channel-access-token";
import type { ChannelView } from "../../channels/channel-view";
import type { listDeliveries } from "../../deliveries/list-deliveries";
import type { ErrorBody } from "../../http/respond";
import type { ProviderDetail, ProviderSummary, ProviderView } from "../../providers/provider-view";
import type { ErrorStatistics } from "../../statistics/query-error-statistics";
import type { VerificationResult } from "../../verification/verify-webhook";
import { callRoute, type RouteCall, type RouteHandler } from "./route-call";
import { type ErrorStatisticsQuery, queryString, statisticsParams } from "./test-query";

export type DeliveryList = Awaited<ReturnType<typeof listDeliveries>>;
export type Delivery = DeliveryList["deliveries"][number];
export type AccessTokenStatus = Awaited<ReturnType<typeof getChannelAccessTokenStatus>>;
export type IssuedAccessToken = Awaited<ReturnType<typeof issueChannelAccessToken>>;

/** 202 of POST /api/channels/{id}/events: the events were stored as one webhook. */
export interface QueuedWebhook {
  webhookEventIds: string[];
  webhookId: string;
}

export type { ErrorStatisticsQuery };

/** The settings `pointAt` may turn on besides Use webhook. */
export interface PointAtOptions {
  errorStatisticsAggregation?: boolean;
  webhookRedelivery?: boolean;
}

/** What a channel can be pointed at: a demo bot, a fault-lab server. */
export interface WebhookTarget {
  url: string;
}

export class ContractApi {
  /** `cookie`: the session to send; undefined for a client signed in as nobody. */
  constructor(readonly cookie: string | undefined) {}

  /** Calls `handler` as this client, as its request for `call` would reach it. */
  call<Params>(handler: RouteHandler<Params>, call: Omit<RouteCall, "cookie">): Promise<Response> {
    return callRoute(handler, { ...call, ...(this.cookie ? { cookie: this.cookie } : {}) });
  }

  async createProvider(name: string): Promise<ProviderView> {
    return ok(
      this.call(providersRoute.POST, { method: "POST", path: "/api/providers", json: { name } }),
      201,
    );
  }

  async listProviders(): Promise<ProviderSummary[]> {
    const path = "/api/providers";
    const body = await ok<{ providers: ProviderSummary[] }>(
      this.call(providersRoute.GET, { method: "GET", path }),
    );
    return body.providers;
  }

  async getProvider(providerId: string): Promise<ProviderDetail> {
    const path = `/api/providers/${providerId}`;
    return ok(this.call(providerRoute.GET, { method: "GET", path }));
  }

  async createChannel(providerId: string, name: string): Promise<ChannelView> {
    const path = `/api/providers/${providerId}/channels`;
    return ok(this.call(channelsRoute.POST, { method: "POST", path, json: { name } }), 201);
  }

  async getChannel(channelId: string): Promise<ChannelView> {
    return ok(this.call(channelRoute.GET, { method: "GET", path: `/api/channels/${channelId}` }));
  }

  async updateChannel(channelId: string, patch: Partial<ChannelView>): Promise<ChannelView> {
    const path = `/api/channels/${channelId}`;
    return ok(this.call(channelRoute.PATCH, { method: "PATCH", path, json: patch }));
  }

  /** Sets the webhook URL to `target`'s /webhook path with Use webhook on, and `options`. */
  async pointAt(
    channelId: string,
    target: WebhookTarget,
    options: PointAtOptions = {},
  ): Promise<ChannelView> {
    return this.updateChannel(channelId, {
      webhookUrl: `${target.url}/webhook`,
      useWebhook: true,
      ...options,
    });
  }

  async getChannelSecret(channelId: string): Promise<string> {
    const path = `/api/channels/${channelId}/secret`;
    const body = await ok<{ channelSecret: string }>(
      this.call(secretRoute.GET, { method: "GET", path }),
    );
    return body.channelSecret;
  }

  /** Issues (or reissues) the channel access token; the only time it is returned. */
  async issueAccessToken(channelId: string): Promise<IssuedAccessToken> {
    const path = `/api/channels/${channelId}/access-token`;
    return ok(this.call(accessTokenRoute.POST, { method: "POST", path }), 201);
  }

  async getAccessTokenStatus(channelId: string): Promise<AccessTokenStatus> {
    const path = `/api/channels/${channelId}/access-token`;
    return ok(this.call(accessTokenRoute.GET, { method: "GET", path }));
  }

  /** A text message from the simulated user, as one webhook; Use webhook must be on (202). */
  async sendText(channelId: string, text: string): Promise<QueuedWebhook> {
    const path = `/api/channels/${channelId}/events`;
    return ok(this.call(eventsRoute.POST, { method: "POST", path, json: { text } }), 202);
  }

  /** The channel's delivery attempts, newest first (the server's default limit is 50). */
  async deliveries(
    channelId: string,
    query: { limit?: number; before?: string } = {},
  ): Promise<DeliveryList> {
    const path = `/api/channels/${channelId}/deliveries${queryString(query)}`;
    return ok(this.call(deliveriesRoute.GET, { method: "GET", path }));
  }

  /** Polls until the channel has exactly `count` attempts recorded (up to 200); returns them. */
  async waitForDeliveries(channelId: string, count: number, timeout = 15_000): Promise<Delivery[]> {
    let latest: Delivery[] = [];
    await expect
      .poll(
        async () => {
          latest = (await this.deliveries(channelId, { limit: 200 })).deliveries;
          return latest.length;
        },
        { timeout },
      )
      .toBe(count);
    return latest;
  }

  async errorStatistics(
    channelId: string,
    query: ErrorStatisticsQuery = {},
  ): Promise<ErrorStatistics> {
    const path = `/api/channels/${channelId}/statistics/errors${queryString(statisticsParams(query))}`;
    return ok(this.call(errorsRoute.GET, { method: "GET", path }));
  }

  /** The TSV download (200): its body and the response headers. */
  async errorStatisticsTsv(
    channelId: string,
    query: Pick<ErrorStatisticsQuery, "from" | "to" | "reason"> = {},
  ): Promise<{ text: string; headers: Record<string, string> }> {
    const path = `/api/channels/${channelId}/statistics/errors.tsv${queryString(statisticsParams(query))}`;
    const response = await this.call(errorsTsvRoute.GET, { method: "GET", path });
    const text = await response.text();
    expect(response.status, `${path}: ${text}`).toBe(200);
    return { text, headers: Object.fromEntries(response.headers) };
  }

  /** The Verify button's request: `endpoint`, or the channel's webhook URL when absent. */
  async verifyWebhook(channelId: string, endpoint?: string): Promise<VerificationResult> {
    const path = `/api/channels/${channelId}/webhook/verify`;
    const json = endpoint === undefined ? {} : { endpoint };
    return ok(this.call(verifyRoute.POST, { method: "POST", path, json }));
  }
}

/** The JSON body of an answer with `status`, failing with the body when the status differs. */
export async function ok<T>(answer: Promise<Response>, status = 200): Promise<T> {
  const response = await answer;
  const text = await response.text();
  expect(response.status, `${response.url || "answer"}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/**
 * Asserts a refused request: the expected status and the one JSON error shape, with a message.
 * Returns the body for further checks.
 */
export async function expectErrorAnswer(
  response: Response,
  status: number,
  what = "",
): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, `${what}: ${text}`).toBe(status);
  expect(response.headers.get("content-type"), what).toContain("application/json");
  const body = JSON.parse(text) as ErrorBody;
  expect(typeof body.message, what).toBe("string");
  expect(body.message.length, what).toBeGreaterThan(0);
  if (body.details !== undefined) {
    expect(body.details.length, what).toBeGreaterThan(0);
    for (const detail of body.details) {
      expect(detail, what).toEqual({ property: expect.any(String), message: expect.any(String) });
    }
  }
  return body;
}

/**
 * Sends each body and asserts a 400 whose details name the case's property: one refusal per
 * field a client may not send or must send differently.
 */
export async function expectPropertiesRefused(
  send: (json: unknown) => Promise<Response>,
  cases: readonly { body: unknown; property: string }[],
): Promise<void> {
  for (const { body, property } of cases) {
    const what = JSON.stringify(body).slice(0, 70);
    const error = await expectErrorAnswer(await send(body), 400, what);
    expect(
      error.details?.map((detail) => detail.property),
      what,
    ).toContain(property);
  }
}
