// What each of LINE's reasons and details means, in the page's language: the summaries of LINE's
// error statistics reference, worded for this console. The codes and detail strings themselves
// are data and stay as LINE writes them; only these explanations are translated.
import type { Translator } from "@/components/i18n/translator";
import {
  COULD_NOT_CONNECT_DETAILS,
  type CouldNotConnectDetail,
  type FailureReason,
  REQUEST_TIMEOUT_DETAILS,
  UNCLASSIFIED_DETAILS,
  type UnclassifiedDetail,
} from "@/lib/shared/failure-reasons";

type NamedDetail = CouldNotConnectDetail | UnclassifiedDetail | "Request timeout";

/** Message keys may not hold spaces or dots: each named detail's key. */
const DETAIL_KEYS = {
  "Connection failed": "connectionFailed",
  "Connection failed (received GOAWAY)": "connectionFailedGoaway",
  "Connection failed (session closed)": "connectionFailedSessionClosed",
  "Connection timeout": "connectionTimeout",
  "DNS Query timeout": "dnsQueryTimeout",
  "Invalid URL syntax": "invalidUrlSyntax",
  "Session protocol negotiation failure": "sessionProtocolNegotiationFailure",
  "No SSL/TLS record": "noSslTlsRecord",
  "TLS handshake failure": "tlsHandshakeFailure",
  "Unknown host": "unknownHost",
  "Request timeout": "requestTimeout",
  "Session closed unexpectedly": "sessionClosedUnexpectedly",
  "Stream closed unexpectedly": "streamClosedUnexpectedly",
  "Unclassified webhook dispatch error": "unclassifiedWebhookDispatchError",
} as const satisfies Record<NamedDetail, string>;

const NAMED_DETAILS: ReadonlySet<string> = new Set<string>([
  ...COULD_NOT_CONNECT_DETAILS,
  ...REQUEST_TIMEOUT_DETAILS,
  ...UNCLASSIFIED_DETAILS,
]);

export function explainReason(t: Translator<"statistics">, reason: FailureReason): string {
  return t(`explanations.reasons.${reason}`);
}

/** A detail's meaning; a status code (error_status_code's detail) has one meaning for all. */
export function explainDetail(
  t: Translator<"statistics">,
  reason: string,
  detail: string,
): string | null {
  if (reason === "error_status_code") return t("explanations.details.statusCode");
  if (!NAMED_DETAILS.has(detail)) return null;
  return t(`explanations.details.${DETAIL_KEYS[detail as NamedDetail]}`);
}
