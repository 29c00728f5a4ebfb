// Rows dated in the past, written straight into the tables (as the dispatcher would have written
// them then), for the retention tests: webhooks in any state and many attempts, quickly.
import "server-only";
import type { Db } from "../../db/client";
import { prismaSql } from "../../db/prisma-sql";
import type { AttemptRecord, WebhookStatus } from "../../dispatch/queue/attempt-record";
import { insertAttempts } from "../../dispatch/queue/record-outcomes";
import { newUlid } from "../../ids/new-ulid";
import { rollupDeltas, upsertRollups } from "../../statistics/error-rollups";

/** Rows per INSERT: well under both databases' limits on parameters per statement. */
const CHUNK = 500;

/** A webhook created and last changed at `at` (its next attempt was due then too). */
export async function insertAgedWebhook(
  db: Db,
  { channelId, status, at }: { channelId: string; status: WebhookStatus; at: Date },
): Promise<string> {
  const id = newUlid(at.getTime());
  await db.$executeRaw`
    INSERT INTO "Webhook" ("id", "channelId", "events", "status", "attemptCount", "nextAttemptAt",
      "createdAt", "updatedAt")
    VALUES (${id}, ${channelId}, ${"[]"}, ${status}, ${0}, ${at}, ${at}, ${at})`;
  return id;
}

/** The attempt-detail columns of an attempt that kept none (made before they were stored). */
export const NO_ATTEMPT_DETAIL = {
  requestHeaders: null,
  responseHeaders: null,
  responseExcerpt: null,
  responseTruncated: false,
  dnsMs: null,
  connectMs: null,
  tlsMs: null,
  responseMs: null,
} satisfies Partial<AttemptRecord>;

/** One failed attempt of the webhook at each of `times`, with ids made from them (ULIDs). */
export async function insertAgedAttempts(
  db: Db,
  { channelId, webhookId, times }: { channelId: string; webhookId: string; times: Date[] },
): Promise<void> {
  const attempts = times.map(
    (attemptedAt, index): AttemptRecord => ({
      id: newUlid(attemptedAt.getTime()),
      webhookId,
      channelId,
      attemptedAt,
      url: "https://bot.example/webhook",
      eventIds: "[]",
      attemptNumber: index + 1,
      isRedelivery: index > 0,
      success: false,
      reason: "error_status_code",
      detail: "500",
      statusCode: 500,
      latencyMs: 5,
      protocol: "http/1.1",
      error: null,
      // What the attempt detail shows: in the same row, so retention deletes it with the row.
      requestHeaders: '{"x-line-signature":"aged"}',
      responseHeaders: '{"content-type":"text/plain"}',
      responseExcerpt: "Internal Server Error",
      responseTruncated: false,
      dnsMs: null,
      connectMs: 1,
      tlsMs: 2,
      responseMs: 3,
      counted: false,
    }),
  );
  for (let start = 0; start < attempts.length; start += CHUNK) {
    await insertAttempts(prismaSql(db), attempts.slice(start, start + CHUNK));
  }
}

/** Counted failures at `times` in both statistics tiers, as the recorder writes them. */
export async function insertAgedFailures(
  db: Db,
  {
    channelId,
    times,
    reason = "error_status_code",
    detail = "500",
  }: { channelId: string; times: Date[]; reason?: string; detail?: string },
): Promise<void> {
  for (let start = 0; start < times.length; start += CHUNK) {
    const failures = times
      .slice(start, start + CHUNK)
      .map((attemptedAt) => ({ channelId, attemptedAt, reason, detail }));
    await upsertRollups(prismaSql(db), rollupDeltas(failures));
  }
}

/** `count` instants `stepMs` apart, the first at `first`. */
export function instantsFrom(first: Date, count: number, stepMs: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(first.getTime() + i * stepMs));
}
