import "server-only";
import { openChannelSecret } from "../channels/channel-secret";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import {
  signatureMatches as matches,
  bodyFor as rebuildBody,
  signatureHeaderFor,
} from "../dispatch/send/request-for-channel";
import { NotFoundError } from "../errors";
import type { StoredEvent } from "../events/complete-event";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function parseHeaders(stored: string | null): Record<string, string> | null {
  return stored === null ? null : (JSON.parse(stored) as Record<string, string>);
}

/**
 * One webhook of a channel as the deliveries explorer's detail shows it: the request as sent and
 * every attempt with what the bot answered and where the time went.
 *
 * The body is not stored per attempt: it is rebuilt from the stored events, the channel's bot
 * user id and the attempt's isRedelivery (an alert: from its one stored alert), deterministically, so
 * it is the very bytes sent. The signature is the one stored with the attempt; whether it matches
 * the rebuilt body under the channel's secret now is said, not assumed: after a reissued secret
 * it no longer does, and the operator should see that rather than a recomputed signature.
 *
 * An unknown webhook, a malformed id, or another channel's webhook is NotFoundError.
 */
export async function getWebhookDetail(db: Db, channelId: string, webhookId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  const webhook = ULID.test(webhookId)
    ? await db.webhook.findFirst({
        where: { id: webhookId, channelId },
        include: { attempts: { orderBy: { id: "asc" } } },
      })
    : null;
  if (!webhook) throw new NotFoundError("Webhook", webhookId);

  const events = JSON.parse(webhook.events) as StoredEvent[];
  const secret = openChannelSecret(channel);
  const bodies = new Map<boolean, Buffer>();
  /** The exact bytes sent for a first send or a redelivery (the only thing that differs). */
  const bodyFor = (isRedelivery: boolean): Buffer => {
    let body = bodies.get(isRedelivery);
    if (!body) {
      body = rebuildBody(channel, events, isRedelivery);
      bodies.set(isRedelivery, body);
    }
    return body;
  };
  /** null: no signature was kept (attempts made before request headers were stored). */
  const signatureMatches = (headers: Record<string, string> | null, isRedelivery: boolean) =>
    matches(channel.kind, secret, headers, bodyFor(isRedelivery));

  const attempts = webhook.attempts.map((row) => {
    const requestHeaders = parseHeaders(row.requestHeaders);
    return {
      id: row.id,
      attemptNumber: row.attemptNumber,
      attemptedAt: row.attemptedAt.toISOString(),
      isRedelivery: row.isRedelivery,
      url: row.url,
      success: row.success,
      reason: row.reason,
      detail: row.detail,
      error: row.error,
      statusCode: row.statusCode,
      protocol: row.protocol,
      counted: row.counted,
      latencyMs: row.latencyMs,
      timings: {
        dnsMs: row.dnsMs,
        connectMs: row.connectMs,
        tlsMs: row.tlsMs,
        responseMs: row.responseMs,
      },
      requestHeaders,
      signatureMatchesCurrentSecret: signatureMatches(requestHeaders, row.isRedelivery),
      responseHeaders: parseHeaders(row.responseHeaders),
      responseExcerpt: row.responseExcerpt,
      responseTruncated: row.responseTruncated,
    };
  });

  // The request as last sent; before any attempt, as the first send will be.
  const last = attempts.at(-1);
  const isRedelivery = last?.isRedelivery ?? false;
  const body = bodyFor(isRedelivery);
  return {
    webhook: {
      id: webhook.id,
      status: webhook.status,
      createdAt: webhook.createdAt.toISOString(),
      attemptCount: webhook.attemptCount,
      eventCount: events.length,
      webhookEventIds: events.map((event) => event.webhookEventId),
    },
    request: {
      url: last?.url ?? channel.webhookUrl,
      isRedelivery,
      headers: last?.requestHeaders ?? null,
      body: JSON.stringify(JSON.parse(body.toString("utf8")), null, 2),
      bodyBytes: body.length,
      signatureMatchesCurrentSecret: last?.signatureMatchesCurrentSecret ?? null,
      /** The header the signature travels in: x-line-signature, or an alert's webhook-signature. */
      signatureHeader: signatureHeaderFor(channel.kind),
    },
    attempts,
  };
}

export type WebhookDetail = Awaited<ReturnType<typeof getWebhookDetail>>;
