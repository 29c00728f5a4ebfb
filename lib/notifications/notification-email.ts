// The two emails of LINE's error notification, as plain text: what they say is data the dispatcher
// recorded, so the text is built here from it and nowhere else. Pure, for its unit test.
import { FAILURE_REASONS } from "../shared/failure-reasons";
import { formatUtc9, UTC9_LABEL } from "../shared/utc9";

export interface EmailChannel {
  id: string;
  name: string;
}

/** Failed attempts with one reason and detail, since the channel's previous error email. */
export interface ErrorGroup {
  reason: string;
  detail: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/** A webhook whose redelivery stopped, with its events and its last attempt's failure. */
export interface StoppedWebhook {
  webhookId: string;
  webhookEventIds: string[];
  reason: string;
  detail: string;
  at: Date;
}

export interface Email {
  subject: string;
  text: string;
}

/** The subject LINE's platform gives the error-detected email. */
export function errorSubject(channel: EmailChannel): string {
  return `Messaging API: Your bot server returned no response or an error - ${oneLine(channel.name)}`;
}

export function redeliveryStoppedSubject(channel: EmailChannel): string {
  return `Messaging API: Webhook redelivery stopped - ${oneLine(channel.name)}`;
}

export function pausedSubject(channel: EmailChannel): string {
  return `Messaging API: Webhook sending paused - ${oneLine(channel.name)}`;
}

export function resumedSubject(channel: EmailChannel): string {
  return `Messaging API: Webhook sending resumed - ${oneLine(channel.name)}`;
}

const at = (instant: Date) => `${formatUtc9(instant)} (${UTC9_LABEL})`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** A channel name is the operator's text: one line, so it cannot add headers or fake lines. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, " ").trim();
}

/**
 * The error-detected email: per reason and detail, the number of errors and the first and last
 * (UTC+9), each with the deliveries explorer filtered to it, and the Statistics tab's Errors view
 * for the whole period.
 */
export function errorEmail(channel: EmailChannel, groups: ErrorGroup[], origin: string): Email {
  const sorted = [...groups].sort(
    (a, b) =>
      reasonOrder(a.reason) - reasonOrder(b.reason) ||
      b.count - a.count ||
      a.detail.localeCompare(b.detail),
  );
  const first = new Date(Math.min(...groups.map((g) => g.firstAt.getTime())));
  const last = new Date(Math.max(...groups.map((g) => g.lastAt.getTime())));
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const channelUrl = `${origin}/console/channel/${encodeURIComponent(channel.id)}`;
  const lines = [
    "Webhooks sent to your bot server failed: it returned no response or an error.",
    "",
    ...channelLines(channel),
    `Errors: ${total}, from ${at(first)} to ${at(last)}`,
    "",
    ...sorted.flatMap((group) => [
      `${group.reason} / ${oneLine(group.detail)}: ${plural(group.count, "error")}`,
      `  First: ${at(group.firstAt)}`,
      `  Last:  ${at(group.lastAt)}`,
      `  Deliveries: ${channelUrl}/deliveries?${deliveriesSearch(group)}`,
      "",
    ]),
    `Statistics (Errors) for this period: ${channelUrl}/statistics?${statisticsSearch(first, last)}`,
    "",
    ...footer(channelUrl),
  ];
  return { subject: errorSubject(channel), text: lines.join("\n") };
}

/** The redelivery-stopped email: each webhook given up, its webhookEventIds and last failure. */
export function redeliveryStoppedEmail(
  channel: EmailChannel,
  webhooks: StoppedWebhook[],
  origin: string,
): Email {
  const sorted = [...webhooks].sort((a, b) => a.at.getTime() - b.at.getTime());
  const channelUrl = `${origin}/console/channel/${encodeURIComponent(channel.id)}`;
  const lines = [
    `Webhook redelivery stopped for ${plural(sorted.length, "webhook")}: every redelivery failed, and no more will be made.`,
    "",
    ...channelLines(channel),
    "",
    ...sorted.flatMap((webhook) => [
      `Webhook ${webhook.webhookId}, given up at ${at(webhook.at)}`,
      `  Last error: ${webhook.reason} / ${oneLine(webhook.detail)}`,
      `  webhookEventIds: ${webhook.webhookEventIds.join(", ") || "(no longer stored)"}`,
      `  Details: ${channelUrl}/deliveries/${encodeURIComponent(webhook.webhookId)}`,
      "",
    ]),
    ...footer(channelUrl),
  ];
  return { subject: redeliveryStoppedSubject(channel), text: lines.join("\n") };
}

/** A failed attempt, as the paused email lists the last ones. */
export interface FailedAttempt {
  reason: string;
  detail: string;
  at: Date;
}

/** Sending paused by the channel's pause rule: why, the last errors, and how to resume. */
export function pausedEmail(
  channel: EmailChannel,
  pause: { since: Date; failingSince: Date; failedAttempts: number; minutes: number },
  lastErrors: FailedAttempt[],
  origin: string,
): Email {
  const channelUrl = `${origin}/console/channel/${encodeURIComponent(channel.id)}`;
  const lines = [
    `Webhook sending is paused: every attempt failed for ${plural(pause.minutes, "minute")} (${plural(pause.failedAttempts, "failed attempt")} since ${at(pause.failingSince)}).`,
    "Events are still accepted and kept; none is sent until you resume, and none is dropped.",
    "",
    ...channelLines(channel),
    `Paused since: ${at(pause.since)}`,
    "",
    "Last errors:",
    ...lastErrors.map((e) => `  ${at(e.at)}  ${e.reason} / ${oneLine(e.detail)}`),
    "",
    `Resume sending in the Messaging API tab once your bot server answers again: ${channelUrl}/messaging-api`,
    "",
    ...footer(channelUrl),
  ];
  return { subject: pausedSubject(channel), text: lines.join("\n") };
}

/** Sending resumed by an operator: who, and the backlog now being sent. */
export function resumedEmail(
  channel: EmailChannel,
  resume: { at: Date; by: string; backlog: number; drainPerSecond: number },
  origin: string,
): Email {
  const channelUrl = `${origin}/console/channel/${encodeURIComponent(channel.id)}`;
  const lines = [
    `Webhook sending is resumed: ${plural(resume.backlog, "webhook")} kept while paused ${resume.backlog === 1 ? "is" : "are"} being sent, oldest first, at up to ${resume.drainPerSecond} per second, with new events in between.`,
    "",
    ...channelLines(channel),
    `Resumed at: ${at(resume.at)} by ${oneLine(resume.by)}`,
    "",
    `Deliveries: ${channelUrl}/deliveries`,
    "",
    ...footer(channelUrl),
  ];
  return { subject: resumedSubject(channel), text: lines.join("\n") };
}

function channelLines(channel: EmailChannel): string[] {
  return [`Channel ID: ${channel.id}`, `Channel name: ${oneLine(channel.name)}`];
}

function footer(channelUrl: string): string[] {
  return [
    "You receive this because Error notification is on for this channel, as its email address",
    "or as an Admin of its provider. Turn it off in Basic settings:",
    `${channelUrl}/basics`,
  ];
}

function reasonOrder(reason: string): number {
  const index = (FAILURE_REASONS as readonly string[]).indexOf(reason);
  return index === -1 ? FAILURE_REASONS.length : index;
}

/** The explorer's filters for one group: its reason and detail, from its first to its last. */
function deliveriesSearch(group: ErrorGroup): string {
  return new URLSearchParams({
    reason: group.reason,
    detail: group.detail,
    from: group.firstAt.toISOString(),
    // The explorer's `to` is exclusive: one millisecond after the last error.
    to: new Date(group.lastAt.getTime() + 1).toISOString(),
  }).toString();
}

/** The Errors view's custom period: whole minutes (its rows' windows) around the errors. */
function statisticsSearch(first: Date, last: Date): string {
  const minute = 60_000;
  const from = Math.floor(first.getTime() / minute) * minute;
  const to = (Math.floor(last.getTime() / minute) + 1) * minute;
  return new URLSearchParams({
    period: "custom",
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  }).toString();
}
