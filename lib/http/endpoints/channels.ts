import type { getChannelAccessTokenStatus } from "../../access-tokens/get-channel-access-token-status";
import type { issueChannelAccessToken } from "../../access-tokens/issue-channel-access-token";
import type { listAudit } from "../../audit/list-audit";
import type { ChannelView } from "../../channels/channel-view";
import type { revealChannelSecret } from "../../channels/get-channel";
import type { reissueChannelSecret } from "../../channels/reissue-channel-secret";
import type { resumeSending as resume } from "../../channels/resume-sending";
import type { listNotifications as list } from "../../notifications/list-notifications";
import type { verifyWebhook as verify } from "../../verification/verify-webhook";
import { endpoint, schema } from "../endpoint";
import type { Returned } from "./types";

export const CHANNEL = "/api/channels/[channelId]";

export const getChannel = endpoint<ChannelView>()({
  method: "GET",
  path: CHANNEL,
  access: { channel: "read" },
});

/**
 * Webhook settings need a Member (configure); the name, description and error notification need
 * an Admin as well, which the handler asks for when the body changes them.
 */
export const updateChannel = endpoint<ChannelView>()({
  method: "PATCH",
  path: CHANNEL,
  access: { channel: "configure" },
  body: schema(() => import("../../channels/channel-input"), "updateChannelInput"),
});

/** Pause sending by hand (as the pause rule would); 409 when it is paused already. */
export const pauseSending = endpoint<ChannelView>()({
  method: "POST",
  path: `${CHANNEL}/pause`,
  access: { channel: "configure" },
});

/**
 * Resume sending after the pause rule paused it: the webhooks kept meanwhile are sent oldest
 * first, at most `drainPerSecond` a second; 409 when sending is not paused.
 */
export const resumeSending = endpoint<Returned<typeof resume>>()({
  method: "POST",
  path: `${CHANNEL}/resume`,
  access: { channel: "configure" },
  body: schema(() => import("../../channels/pause-rule"), "resumeInput"),
  bodyOptional: true,
});

/** Deletes the channel with its webhooks, attempts, statistics and tokens; 204. */
export const deleteChannel = endpoint<null>()({
  method: "DELETE",
  path: CHANNEL,
  access: { channel: "manage" },
});

/** Whether a long-lived token is issued; the token itself is shown only when issued. */
export const getAccessTokenStatus = endpoint<Returned<typeof getChannelAccessTokenStatus>>()({
  method: "GET",
  path: `${CHANNEL}/access-token`,
  access: { channel: "read" },
});

/**
 * Issue or reissue; 201. Every earlier token of the channel stops working at once, or after the
 * body's `oldTokenValidMinutes` (at most 24 hours); the body is optional.
 */
export const issueAccessToken = endpoint<Returned<typeof issueChannelAccessToken>>()({
  method: "POST",
  path: `${CHANNEL}/access-token`,
  access: { channel: "manage" },
  body: schema(() => import("../../access-tokens/access-token-input"), "issueAccessTokenInput"),
  bodyOptional: true,
});

/** The channel's audit log, newest first. */
export const channelAudit = endpoint<Returned<typeof listAudit>>()({
  method: "GET",
  path: `${CHANNEL}/audit`,
  access: { channel: "read" },
  query: schema(() => import("../page-input"), "listAuditInput"),
});

/** The channel's error notification emails, newest first: the outbox, sent or not. */
export const listNotifications = endpoint<Returned<typeof list>>()({
  method: "GET",
  path: `${CHANNEL}/notifications`,
  access: { channel: "read" },
  query: schema(() => import("../page-input"), "listNotificationsInput"),
});

/** Reveal: the secret is not part of the channel resource, so it is not sent unasked. */
export const revealSecret = endpoint<Returned<typeof revealChannelSecret>>()({
  method: "GET",
  path: `${CHANNEL}/secret`,
  access: { channel: "manage" },
});

/** Reissue: a new secret replaces the old one at once, or at the body's `switchAt`. */
export const reissueSecret = endpoint<Returned<typeof reissueChannelSecret>>()({
  method: "POST",
  path: `${CHANNEL}/secret`,
  access: { channel: "manage" },
  body: schema(() => import("../../channels/channel-secret-input"), "reissueChannelSecretInput"),
  bodyOptional: true,
});

/** The console's Verify button: the same code path as LINE's test-webhook API. */
export const verifyWebhook = endpoint<Returned<typeof verify>>()({
  method: "POST",
  path: `${CHANNEL}/webhook/verify`,
  access: { channel: "configure" },
  body: schema(() => import("../../verification/verify-input"), "verifyInput"),
  bodyOptional: true,
});

/**
 * Events from a simulated user: 202 once stored for sending (200 with `queued: false` when Use
 * webhook is off). Also for a program holding the channel's access token.
 */
export const sendEvents = endpoint<
  | { webhookEventIds: string[]; webhookId: string; sent?: undefined }
  | { webhookEventIds: string[]; webhookIds: string[]; sent?: undefined }
  | { queued: false; webhookEventIds: string[]; message: string; sent: false }
>()({
  method: "POST",
  path: `${CHANNEL}/events`,
  access: { channel: "configure", channelToken: true },
  body: schema(() => import("../../events/event-input"), "sendEventsInput"),
});
