import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import type { getChannelAccessTokenStatus } from "../../lib/access-tokens/get-channel-access-token-status";
import type { issueChannelAccessToken } from "../../lib/access-tokens/issue-channel-access-token";
import type { AuditLog } from "../../lib/audit/list-audit";
import type { ChannelView } from "../../lib/channels/channel-view";
import type { WebhookDetail } from "../../lib/deliveries/get-webhook-detail";
import type { listDeliveries } from "../../lib/deliveries/list-deliveries";
import {
  type ErrorStatisticsQuery,
  queryString,
  statisticsParams,
} from "../../lib/dev/testing/test-query";
import type { EventInput } from "../../lib/events/event-input";
import type { ErrorBody } from "../../lib/http/respond";
import type { MemberList } from "../../lib/members/list-members";
import type { NotificationList } from "../../lib/notifications/list-notifications";
import type {
  ProviderDetail,
  ProviderSummary,
  ProviderView,
} from "../../lib/providers/provider-view";
import type { ProviderRole } from "../../lib/shared/provider-roles";
import type { ErrorStatistics } from "../../lib/statistics/query-error-statistics";
import type { VerificationResult } from "../../lib/verification/verify-webhook";

// The answers are typed by the server's own declarations (type-only imports: nothing of lib/ is
// loaded into the test process by this file), so a changed answer breaks the typecheck here.
export type {
  AuditLog,
  ChannelView,
  ErrorBody,
  ErrorStatistics,
  EventInput,
  MemberList,
  NotificationList,
  ProviderDetail,
  ProviderRole,
  ProviderSummary,
  ProviderView,
  VerificationResult,
};

/** GET /api/channels/{id}/deliveries: attempts newest first, and the cursor to continue. */
export type DeliveryList = Awaited<ReturnType<typeof listDeliveries>>;
export type Delivery = DeliveryList["deliveries"][number];
/** GET /api/channels/{id}/access-token: whether a token is issued, never the token. */
export type AccessTokenStatus = Awaited<ReturnType<typeof getChannelAccessTokenStatus>>;
/** POST /api/channels/{id}/access-token: the token, shown this once. */
export type IssuedAccessToken = Awaited<ReturnType<typeof issueChannelAccessToken>>;

/**
 * 201 of POST /api/providers/{id}/members: the invitation, with its link when the console sends
 * no mail (the e2e server has no SMTP_URL), null when it was mailed.
 */
export type AddedMember = {
  invitation: {
    id: string;
    email: string;
    role: ProviderRole;
    expiresAt: string;
    delivery: "admin" | "email";
    inviteUrl: string | null;
  };
};

/** The token in an invitation's link. */
export function invitationToken({ invitation }: AddedMember): string {
  if (!invitation.inviteUrl) throw new Error(`the invitation of ${invitation.email} was mailed`);
  return new URL(invitation.inviteUrl).pathname.split("/").at(-1) ?? "";
}

/** 202 of POST /api/channels/{id}/events: the events were stored as one webhook. */
export interface QueuedWebhook {
  webhookEventIds: string[];
  webhookId: string;
}

export type { ErrorStatisticsQuery };

/** Anything that serves a webhook path under `url`: a demo bot, a fault-lab server. */
export interface WebhookTarget {
  url: string;
}

/** The settings `pointAt` may turn on besides Use webhook. */
export interface PointAtOptions {
  errorStatisticsAggregation?: boolean;
  webhookRedelivery?: boolean;
}

/** The webhook URL a channel uses to reach `target` (its /webhook path). */
export function webhookUrlOf(target: WebhookTarget): string {
  return `${target.url}/webhook`;
}

/** The console's JSON API, for arranging data and checking what was stored. */
export class ConsoleApi {
  constructor(private readonly request: APIRequestContext) {}

  async createProvider(name: string): Promise<ProviderView> {
    return ok(await this.request.post("/api/providers", { data: { name } }), 201);
  }

  async listProviders(): Promise<ProviderSummary[]> {
    const body = await ok<{ providers: ProviderSummary[] }>(
      await this.request.get("/api/providers"),
    );
    return body.providers;
  }

  async getProvider(providerId: string): Promise<ProviderDetail> {
    return ok(await this.request.get(`/api/providers/${providerId}`));
  }

  async renameProvider(providerId: string, name: string): Promise<ProviderView> {
    return ok(await this.request.patch(`/api/providers/${providerId}`, { data: { name } }));
  }

  async deleteProvider(providerId: string): Promise<void> {
    await noContent(await this.request.delete(`/api/providers/${providerId}`));
  }

  async members(providerId: string): Promise<MemberList> {
    return ok(await this.request.get(`/api/providers/${providerId}/members`));
  }

  /** Invites an email to the provider (with an account or not: they join when they accept). */
  async addMember(providerId: string, email: string, role: ProviderRole): Promise<AddedMember> {
    return ok(
      await this.request.post(`/api/providers/${providerId}/members`, { data: { email, role } }),
      201,
    );
  }

  async changeMemberRole(providerId: string, userId: string, role: ProviderRole) {
    return ok<{ userId: string; role: ProviderRole }>(
      await this.request.patch(`/api/providers/${providerId}/members/${userId}`, {
        data: { role },
      }),
    );
  }

  async removeMember(providerId: string, userId: string): Promise<void> {
    await noContent(await this.request.delete(`/api/providers/${providerId}/members/${userId}`));
  }

  /** The invitation page's request: creates the invited account (the link's token is the credential). */
  /** As the invited account when this client is signed in as it; else creates the account. */
  async acceptInvitation(input: { token: string; name?: string; password?: string }) {
    return ok<{ email: string; providerId: string; role: ProviderRole; accountCreated: boolean }>(
      await this.request.post("/api/invitations/accept", { data: input }),
      201,
    );
  }

  /** A provider's audit log (its channels' entries included), newest first. */
  async providerAudit(providerId: string): Promise<AuditLog> {
    return ok(await this.request.get(`/api/providers/${providerId}/audit`));
  }

  /** A channel's audit log, newest first. */
  async channelAudit(channelId: string): Promise<AuditLog> {
    return ok(await this.request.get(`/api/channels/${channelId}/audit`));
  }

  async deleteChannel(channelId: string): Promise<void> {
    await noContent(await this.request.delete(`/api/channels/${channelId}`));
  }

  /** A Messaging API channel, or (`kind: "operational"`) an operational webhook. */
  async createChannel(
    providerId: string,
    name: string,
    kind: ChannelView["kind"] = "line",
  ): Promise<ChannelView> {
    return ok(
      await this.request.post(`/api/providers/${providerId}/channels`, { data: { name, kind } }),
      201,
    );
  }

  async getChannel(channelId: string): Promise<ChannelView> {
    return ok(await this.request.get(`/api/channels/${channelId}`));
  }

  async updateChannel(channelId: string, patch: Partial<ChannelView>): Promise<ChannelView> {
    return ok(await this.request.patch(`/api/channels/${channelId}`, { data: patch }));
  }

  /**
   * Sets the channel's webhook URL to `target`'s /webhook path and turns on Use webhook, plus
   * whichever of aggregation and redelivery `options` turns on.
   */
  async pointAt(
    channelId: string,
    target: WebhookTarget,
    options: PointAtOptions = {},
  ): Promise<ChannelView> {
    return this.updateChannel(channelId, {
      webhookUrl: webhookUrlOf(target),
      useWebhook: true,
      ...options,
    });
  }

  /** Starts a replay of the webhooks the explorer's filters (a query string) select. */
  async startReplay(channelId: string, filter: string, ratePerSecond = 50): Promise<unknown> {
    return ok(
      await this.request.post(`/api/channels/${channelId}/replays`, {
        data: { filter, ratePerSecond },
      }),
      201,
    );
  }

  /** Pauses the channel's sending by hand (POST /api/channels/{id}/pause). */
  async pauseSending(channelId: string): Promise<ChannelView> {
    return ok(await this.request.post(`/api/channels/${channelId}/pause`));
  }

  async getChannelSecret(channelId: string): Promise<string> {
    const body = await ok<{ channelSecret: string }>(
      await this.request.get(`/api/channels/${channelId}/secret`),
    );
    return body.channelSecret;
  }

  /** Issues (or reissues) the long-lived channel access token; the only time it is returned. */
  async issueAccessToken(channelId: string): Promise<IssuedAccessToken> {
    return ok(await this.request.post(`/api/channels/${channelId}/access-token`), 201);
  }

  async getAccessTokenStatus(channelId: string): Promise<AccessTokenStatus> {
    return ok(await this.request.get(`/api/channels/${channelId}/access-token`));
  }

  /** A text message from the simulated user, as one webhook; Use webhook must be on (202). */
  async sendText(channelId: string, text: string): Promise<QueuedWebhook> {
    return ok(
      await this.request.post(`/api/channels/${channelId}/events`, { data: { text } }),
      202,
    );
  }

  /** Events as one webhook; Use webhook must be on (202). */
  async sendEvents(channelId: string, events: EventInput[]): Promise<QueuedWebhook> {
    return ok(
      await this.request.post(`/api/channels/${channelId}/events`, { data: { events } }),
      202,
    );
  }

  /**
   * Sends `count` text messages (`"<prefix> 0"`, `"<prefix> 1"`, ...), each its own webhook,
   * and waits until the dispatcher has recorded one more attempt for each.
   */
  async sendTextsAndWait(channelId: string, count: number, prefix: string): Promise<Delivery[]> {
    const before = await this.deliveries(channelId, { limit: 200 });
    for (let i = 0; i < count; i++) {
      await this.sendText(channelId, `${prefix} ${i}`);
    }
    return this.waitForDeliveries(channelId, before.deliveries.length + count);
  }

  /** The channel's delivery attempts, newest first (the server's default limit is 50). */
  async deliveries(
    channelId: string,
    query: { limit?: number; before?: string } = {},
  ): Promise<DeliveryList> {
    return ok(await this.request.get(`/api/channels/${channelId}/deliveries${queryString(query)}`));
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

  /** The channel's error notification emails (its outbox), newest first. */
  /** One webhook: its request as sent (the body pretty-printed) and every attempt. */
  async webhookDetail(channelId: string, webhookId: string): Promise<WebhookDetail> {
    return ok(await this.request.get(`/api/channels/${channelId}/webhooks/${webhookId}`));
  }

  async notifications(channelId: string): Promise<NotificationList> {
    return ok(await this.request.get(`/api/channels/${channelId}/notifications`));
  }

  async errorStatistics(
    channelId: string,
    query: ErrorStatisticsQuery = {},
  ): Promise<ErrorStatistics> {
    return ok(
      await this.request.get(
        `/api/channels/${channelId}/statistics/errors${queryString(statisticsParams(query))}`,
      ),
    );
  }

  /** The TSV download (200): its body and the response headers. */
  async errorStatisticsTsv(
    channelId: string,
    query: Pick<ErrorStatisticsQuery, "from" | "to" | "reason"> = {},
  ): Promise<{ text: string; headers: Record<string, string> }> {
    const response = await this.request.get(
      `/api/channels/${channelId}/statistics/errors.tsv${queryString(statisticsParams(query))}`,
    );
    const text = await response.text();
    expect(response.status(), `${response.url()}: ${text}`).toBe(200);
    return { text, headers: response.headers() };
  }

  /** The Verify button's request: `endpoint`, or the channel's webhook URL when absent. */
  async verifyWebhook(channelId: string, endpoint?: string): Promise<VerificationResult> {
    return ok(
      await this.request.post(`/api/channels/${channelId}/webhook/verify`, {
        data: endpoint === undefined ? {} : { endpoint },
      }),
    );
  }
}

async function noContent(response: APIResponse): Promise<void> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(204);
}

async function ok<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/**
 * Asserts a refused request: the expected 4xx status and the one JSON error shape, with a
 * message. Returns the body for further checks.
 */
export async function expectErrorResponse(
  response: APIResponse,
  status: 400 | 401 | 403 | 404 | 409,
) {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text}`).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text) as ErrorBody;
  expect(typeof body.message).toBe("string");
  expect(body.message.length).toBeGreaterThan(0);
  if (body.details !== undefined) {
    expect(body.details.length).toBeGreaterThan(0);
    for (const detail of body.details) {
      expect(detail).toEqual({ property: expect.any(String), message: expect.any(String) });
    }
  }
  return body;
}
