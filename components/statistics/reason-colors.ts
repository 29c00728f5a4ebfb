import type { FailureReason } from "@/lib/shared/failure-reasons";

/** One colour per reason, the same in the chart, its legend and the summary. */
export const REASON_COLORS: Readonly<Record<FailureReason, string>> = {
  could_not_connect: "#d92d20",
  request_timeout: "#f59e0b",
  error_status_code: "#6366f1",
  unclassified: "#9ca3af",
};
