// What each alert says: the same facts as its email (lib/notifications/notification-email.ts),
// as data, with instants in ISO 8601 UTC and a link back to the console. Pure, for its unit test.
import type { AlertType } from "./alert-types";

/** Failed attempts with one reason and detail (the error email's groups). */
interface ErrorGroup {
  reason: string;
  detail: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/** A webhook whose redelivery stopped, with its events' ids. */
interface StoppedWebhook {
  webhookId: string;
  webhookEventIds: string[];
  reason: string;
  detail: string;
  at: Date;
}

export interface AlertChannel {
  id: string;
  name: string;
  providerId: string;
}

/** One alert before it is queued: its type and data. */
export interface Alert {
  type: AlertType;
  data: Record<string, unknown>;
}

const about = (channel: AlertChannel, consoleOrigin: string, tab: string) => ({
  channel: { id: channel.id, name: channel.name, providerId: channel.providerId },
  url: `${consoleOrigin}/console/channel/${channel.id}/${tab}`,
});

/** `errors.detected`: failed attempts per reason and detail since the previous notification. */
export function errorsDetected(
  channel: AlertChannel,
  groups: readonly ErrorGroup[],
  consoleOrigin: string,
): Alert {
  return {
    type: "errors.detected",
    data: {
      ...about(channel, consoleOrigin, "statistics"),
      errors: groups.map((group) => ({
        reason: group.reason,
        detail: group.detail,
        count: group.count,
        firstAt: group.firstAt.toISOString(),
        lastAt: group.lastAt.toISOString(),
      })),
    },
  };
}

/** `webhook.given_up`: webhooks whose redelivery stopped, with their events' ids. */
export function webhooksGivenUp(
  channel: AlertChannel,
  webhooks: readonly StoppedWebhook[],
  consoleOrigin: string,
): Alert {
  return {
    type: "webhook.given_up",
    data: {
      ...about(channel, consoleOrigin, "deliveries"),
      webhooks: webhooks.map((webhook) => ({
        webhookId: webhook.webhookId,
        webhookEventIds: webhook.webhookEventIds,
        reason: webhook.reason,
        detail: webhook.detail,
        at: webhook.at.toISOString(),
      })),
    },
  };
}

/** `channel.paused`: the pause rule stopped sending; why, and the last errors. */
export function channelPaused(
  channel: AlertChannel,
  pause: { since: Date; failingSince: Date; failedAttempts: number; minutes: number },
  lastErrors: readonly { reason: string; detail: string; at: Date }[],
  consoleOrigin: string,
): Alert {
  return {
    type: "channel.paused",
    data: {
      ...about(channel, consoleOrigin, "messaging-api"),
      pausedAt: pause.since.toISOString(),
      failingSince: pause.failingSince.toISOString(),
      failedAttempts: pause.failedAttempts,
      ruleMinutes: pause.minutes,
      lastErrors: lastErrors.map((error) => ({
        reason: error.reason,
        detail: error.detail,
        at: error.at.toISOString(),
      })),
    },
  };
}

/** `channel.resumed`: sending resumed; by whom, and the backlog it drains. */
export function channelResumed(
  channel: AlertChannel,
  resume: { at: Date; by: string; backlog: number; drainPerSecond: number },
  consoleOrigin: string,
): Alert {
  return {
    type: "channel.resumed",
    data: {
      ...about(channel, consoleOrigin, "messaging-api"),
      resumedAt: resume.at.toISOString(),
      resumedBy: resume.by,
      backlog: resume.backlog,
      drainPerSecond: resume.drainPerSecond,
    },
  };
}
