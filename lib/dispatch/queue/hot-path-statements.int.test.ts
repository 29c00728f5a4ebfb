// The hot path's budget, as statements: a claim and a recorded batch run the same statements
// however many webhooks they carry (docs/adr/0022-hot-paths-on-the-driver.md states the counts).
// Work added per attempt must join these statements; a statement added beside them, or one per
// webhook, fails here long before a benchmark would show it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChannel } from "../../channels/create-channel";
import { updateChannel } from "../../channels/update-channel";
import type { Db } from "../../db/client";
import type { SqlConnection } from "../../db/sql";
import { openSqlConnection } from "../../db/sql-driver";
import { NO_ATTEMPT_DETAIL } from "../../dev/testing/aged-rows";
import { TEST_PROVIDERS, useTestDatabase } from "../../dev/testing/test-database";
import { newUlid } from "../../ids/new-ulid";
import { createProvider } from "../../providers/create-provider";
import type { AttemptRecord, WebhookOutcome } from "./attempt-record";
import { AttemptRecorder } from "./attempt-recorder";
import { claimDue } from "./claim-due";

const WORKER = "statement-count-worker";
const OPERATOR = "tester@example.com";

/** The budgets ADR 22 states: statements per claim and per recorded batch, BEGIN/COMMIT in. */
const CLAIM_STATEMENTS = { sqlite: 3, postgres: 6 };
const BATCH_STATEMENTS = { sqlite: 11, postgres: 11 };

describe.each(TEST_PROVIDERS)("hot path statements on %s", (provider) => {
  const database = useTestDatabase(provider);
  let sql: SqlConnection;
  beforeEach(() => {
    sql = openSqlConnection(database().config);
  });
  afterEach(async () => {
    await sql.close();
  });

  /** A channel with every setting that makes recording do work: all of it is exercised. */
  async function busyChannel(db: Db): Promise<string> {
    const provider = await createProvider(db, { name: "Statements" }, OPERATOR);
    const channel = await createChannel(db, provider.id, { name: "Bot" }, OPERATOR);
    await updateChannel(
      db,
      channel.id,
      {
        webhookUrl: "http://127.0.0.1:9/webhook",
        useWebhook: true,
        webhookRedelivery: true,
        errorStatisticsAggregation: true,
        errorNotification: true,
      },
      OPERATOR,
    );
    return channel.id;
  }

  async function pendingWebhooks(db: Db, channelId: string, count: number): Promise<void> {
    const due = new Date(Date.now() - 1000);
    await db.webhook.createMany({
      data: Array.from({ length: count }, () => ({
        id: newUlid(),
        channelId,
        events: "[]",
        status: "pending",
        nextAttemptAt: due,
      })),
    });
  }

  async function claim(limit: number, expired = true) {
    const before = sql.statements;
    const { rows } = await claimDue(sql, {
      workerId: WORKER,
      now: new Date(),
      leaseMs: 60_000,
      limit,
      roomFor: () => limit,
      skipChannels: [],
      expired,
    });
    return { rows, statements: sql.statements - before };
  }

  it("claims one webhook and a hundred with the same statements", async () => {
    const { db } = database();
    await pendingWebhooks(db, await busyChannel(db), 250);

    const one = await claim(1);
    const hundred = await claim(100);
    // The claims that do not look for expired leases too.
    const oneMore = await claim(1, false);
    const hundredMore = await claim(100, false);

    expect(one.rows).toHaveLength(1);
    expect(hundred.rows).toHaveLength(100);
    expect(oneMore.rows).toHaveLength(1);
    expect(hundredMore.rows).toHaveLength(100);
    expect(await db.webhook.count({ where: { status: "sending", claimToken: WORKER } })).toBe(202);
    expect(one.statements).toBe(CLAIM_STATEMENTS[provider]);
    expect(hundred.statements).toBe(one.statements);
    expect(oneMore.statements).toBe(one.statements);
    expect(hundredMore.statements).toBe(one.statements);
  });

  /**
   * Outcomes of every kind for claimed webhooks: successes, failures of several reasons and
   * minutes (error rollups, histograms, notification dues), redeliveries due later, redelivery
   * used up, and webhooks cancelled without an attempt.
   */
  function outcomesFor(rows: { id: string; channelId: string }[]): WebhookOutcome[] {
    const base = Date.now() - 5 * 60_000;
    return rows.map(({ id, channelId }, i): WebhookOutcome => {
      const kind = i % 5;
      if (kind === 4 && i > 0) return { webhookId: id, status: "cancelled" };
      const failed = i === 0 || kind !== 0;
      const attemptedAt = new Date(base + (i % 4) * 61_000 + i);
      const attempt: AttemptRecord = {
        id: newUlid(attemptedAt.getTime()),
        webhookId: id,
        channelId,
        attemptedAt,
        url: "http://127.0.0.1:9/webhook",
        eventIds: "[]",
        attemptNumber: 1,
        isRedelivery: false,
        success: !failed,
        reason: failed ? (kind === 2 ? "request_timeout" : "error_status_code") : null,
        detail: failed ? (kind === 2 ? "Request timeout" : String(500 + (i % 3))) : null,
        statusCode: failed ? 500 : 200,
        latencyMs: 10 + i,
        protocol: "http/1.1",
        error: failed ? "HTTP 500" : null,
        counted: false,
        ...NO_ATTEMPT_DETAIL,
      };
      if (!failed) return { webhookId: id, status: "delivered", attempt, countable: true };
      if (kind === 3) {
        return {
          webhookId: id,
          status: "given_up",
          attempt,
          countable: true,
          redeliveryStopped: true,
        };
      }
      return {
        webhookId: id,
        status: "pending",
        nextAttemptAt: new Date(Date.now() + 60_000),
        attempt,
        countable: true,
      };
    });
  }

  async function record(outcomes: WebhookOutcome[]): Promise<number> {
    const recorder = new AttemptRecorder(sql, WORKER);
    const before = sql.statements;
    // Handed over together, as a busy dispatcher does: one batch.
    await Promise.all(outcomes.map((outcome) => recorder.record(outcome)));
    return sql.statements - before;
  }

  it("records a batch of one outcome and of two hundred with the same statements", async () => {
    const { db } = database();
    const channelId = await busyChannel(db);
    await pendingWebhooks(db, channelId, 201);
    const one = await claim(1);
    const many = await claim(200);
    expect(many.rows).toHaveLength(200);

    const single = outcomesFor(one.rows);
    const batch = outcomesFor(many.rows);
    const oneStatements = await record(single);
    const manyStatements = await record(batch);

    // Everything was written, so the counts below are of real work.
    const attempted = [...single, ...batch].filter((outcome) => outcome.attempt);
    expect(await db.deliveryAttempt.count()).toBe(attempted.length);
    const failures = attempted.filter((outcome) => !outcome.attempt?.success);
    const counted = await db.errorRollup.aggregate({ _sum: { errorCount: true } });
    expect(counted._sum.errorCount).toBe(failures.length);
    const dues = await db.notificationDue.aggregate({
      where: { kind: "error" },
      _sum: { count: true },
    });
    expect(dues._sum.count).toBe(failures.length);
    expect(await db.notificationDue.count({ where: { kind: "given_up" } })).toBe(
      batch.filter((outcome) => outcome.redeliveryStopped).length,
    );
    const histogram = await db.deliveryRollupDay.aggregate({ _sum: { count: true } });
    expect(histogram._sum.count).toBe(attempted.length);
    expect(await db.webhook.count({ where: { status: "cancelled" } })).toBe(
      batch.filter((outcome) => outcome.status === "cancelled").length,
    );
    expect(await db.webhook.count({ where: { status: "sending" } })).toBe(0);

    expect(oneStatements).toBe(BATCH_STATEMENTS[provider]);
    expect(manyStatements).toBe(oneStatements);
  });
});
