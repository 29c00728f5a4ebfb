import { z } from "zod";
import { ALERT_TYPES } from "../alerts/alert-types";
import { CHANNEL_KINDS } from "../shared/channel-kinds";
import { nameInput } from "../shared/name-input";
import { webhookUrlProblem } from "../shared/webhook-url";
import { pauseRuleInput } from "./pause-rule";
import { webhookUrlPolicyFromEnv } from "./webhook-url-policy";

/** A webhook URL as stored: trimmed, validated; `null` (or "") clears it. */
export const webhookUrlInput = z
  .string({ error: "must be a string or null" })
  .trim()
  .nullable()
  .transform((value) => (value === "" ? null : value))
  .superRefine((value, ctx) => {
    // LINE's /v2 routes check the same rule (lib/channels/webhook-endpoint.ts).
    const problem = value === null ? null : webhookUrlProblem(value, webhookUrlPolicyFromEnv());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const descriptionInput = z
  .string({ error: "must be a string" })
  .trim()
  .max(500, "must be at most 500 characters");

/** An operational webhook's alert types: at least one, each once; null takes every type. */
export const alertTypesInput = z
  .array(z.enum(ALERT_TYPES, { error: `must be one of ${ALERT_TYPES.join(", ")}` }), {
    error: "must be a list of alert types or null",
  })
  .min(1, "must name at least one alert type (null takes them all)")
  .refine((types) => new Set(types).size === types.length, "must name each alert type once")
  .nullable();

export const createChannelInput = z
  .strictObject({
    name: nameInput,
    description: descriptionInput.optional(),
    /** "line" (the default): a Messaging API channel; "operational": an operational webhook. */
    kind: z.enum(CHANNEL_KINDS, { error: `must be one of ${CHANNEL_KINDS.join(", ")}` }).optional(),
    alertTypes: alertTypesInput.optional(),
  })
  .refine((input) => input.alertTypes === undefined || input.kind === "operational", {
    path: ["alertTypes"],
    message: 'applies to an operational webhook only (kind "operational")',
  });
export type CreateChannelInput = z.infer<typeof createChannelInput>;

const flag = z.boolean({ error: "must be true or false" });

/** Basic settings' "Email address": where error notifications go; `null` (or "") clears it. */
const notificationEmailInput = z
  .string({ error: "must be a string or null" })
  .trim()
  .max(254, "must be at most 254 characters")
  .nullable()
  .transform((value) => (value === "" ? null : value))
  .pipe(z.email({ error: "must be an email address" }).nullable());

/** A partial update of a channel's settings; unknown properties are refused, not ignored. */
export const updateChannelInput = z
  .strictObject({
    name: nameInput.optional(),
    description: descriptionInput.optional(),
    webhookUrl: webhookUrlInput.optional(),
    useWebhook: flag.optional(),
    webhookRedelivery: flag.optional(),
    errorStatisticsAggregation: flag.optional(),
    notificationEmail: notificationEmailInput.optional(),
    errorNotification: flag.optional(),
    /** Pause sending when the bot keeps failing; null turns the rule off. */
    pauseRule: pauseRuleInput.nullable().optional(),
    /** An operational webhook's alert types (null: all of them); refused for LINE's channels. */
    alertTypes: alertTypesInput.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, {
    message: "must change at least one setting",
  });
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;

/** Settings only an Admin changes (the rest of an update needs a Member). */
const ADMIN_SETTINGS = [
  "name",
  "description",
  "notificationEmail",
  "errorNotification",
  "alertTypes",
] as const satisfies readonly (keyof UpdateChannelInput)[];

export function changesAdminSettings(input: UpdateChannelInput): boolean {
  return ADMIN_SETTINGS.some((field) => input[field] !== undefined);
}
