import type { FailureReason } from "@/lib/shared/failure-reasons";

/**
 * One colour per reason, the same in the chart, its legend and the summary: the theme's
 * --color-reason-* tokens (app/globals.css @theme). The fallbacks are the same colours, for as
 * long as a token is not defined.
 */
export const REASON_COLORS: Readonly<Record<FailureReason, string>> = {
  could_not_connect: "var(--color-reason-could-not-connect, var(--color-danger))",
  request_timeout: "var(--color-reason-request-timeout, #f59e0b)",
  error_status_code: "var(--color-reason-error-status-code, #6366f1)",
  unclassified: "var(--color-reason-unclassified, #9ca3af)",
};
