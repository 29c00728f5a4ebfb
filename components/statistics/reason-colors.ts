import type { FailureReason } from "@/lib/shared/failure-reasons";

/**
 * One colour per reason, the same in the chart, its legend and the summary: the theme's
 * --color-reason-* tokens (app/globals.css @theme).
 */
export const REASON_COLORS: Readonly<Record<FailureReason, string>> = {
  could_not_connect: "var(--color-reason-could-not-connect)",
  request_timeout: "var(--color-reason-request-timeout)",
  error_status_code: "var(--color-reason-error-status-code)",
  unclassified: "var(--color-reason-unclassified)",
};
