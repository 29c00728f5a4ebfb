// The one place where a low-level send error becomes LINE's (reason, detail). Everything is
// decided by the phase the send was in when it broke plus the error's code, never by message text
// alone, so that a Node or OpenSSL upgrade that rewords a message cannot change a statistic.
import {
  type CouldNotConnectDetail,
  couldNotConnect,
  type DeliveryFailure,
  requestTimeout,
  type UnclassifiedDetail,
  unclassified,
} from "../../shared/failure-reasons";

/**
 * Where the send was when it broke. Everything up to a usable connection (URL, DNS, TCP, TLS,
 * ALPN) is "could not connect"; once the request is on its way, it is "request".
 */
export type DispatchPhase = "url" | "dns" | "connect" | "tls" | "request";

/** Codes the sender itself raises for conditions Node reports as events, not errors. */
export const SenderCodes = {
  dnsTimeout: "WEBHOOK_DNS_TIMEOUT",
  connectTimeout: "WEBHOOK_CONNECT_TIMEOUT",
  requestTimeout: "WEBHOOK_REQUEST_TIMEOUT",
  /** The socket closed without an error before the phase completed. */
  sessionClosed: "WEBHOOK_SESSION_CLOSED",
  /** HTTP/2: the server sent GOAWAY before it accepted our stream. */
  goawayBeforeAccept: "WEBHOOK_H2_GOAWAY",
  /** HTTP/2: the server reset our stream (RST_STREAM) before a complete response. */
  streamReset: "WEBHOOK_H2_STREAM_RESET",
  /** TLS succeeded but the server chose an application protocol we do not speak. */
  noCommonProtocol: "WEBHOOK_NO_COMMON_PROTOCOL",
  /** The host resolved to a non-public address and WEBHOOK_ALLOW_PRIVATE_TARGETS is off. */
  privateTarget: "WEBHOOK_PRIVATE_TARGET",
} as const;

type Rule<Detail> = { codes: readonly string[]; detail: Detail };

const dnsRules: Rule<CouldNotConnectDetail>[] = [
  // ECONNREFUSED here: the DNS server itself was unreachable, so resolution never completed.
  {
    codes: [SenderCodes.dnsTimeout, "ETIMEOUT", "EAI_AGAIN", "ECONNREFUSED"],
    detail: "DNS Query timeout",
  },
  { codes: ["EBADNAME"], detail: "Invalid URL syntax" },
];
const connectRules: Rule<CouldNotConnectDetail>[] = [
  // Refused before connecting (target-address.ts). LINE's vocabulary has no word for it, and
  // nothing else invents details: the attempt's error says why.
  { codes: [SenderCodes.privateTarget], detail: "Connection failed" },
  { codes: [SenderCodes.connectTimeout, "ETIMEDOUT"], detail: "Connection timeout" },
  {
    codes: ["ECONNRESET", "EPIPE", SenderCodes.sessionClosed],
    detail: "Connection failed (session closed)",
  },
];
const tlsRules: Rule<CouldNotConnectDetail>[] = [
  { codes: [SenderCodes.connectTimeout, "ETIMEDOUT"], detail: "Connection timeout" },
  {
    // OpenSSL's ways of saying "the first bytes back were not a TLS record".
    codes: [
      "ERR_SSL_WRONG_VERSION_NUMBER",
      "ERR_SSL_PACKET_LENGTH_TOO_LONG",
      "ERR_SSL_HTTP_REQUEST",
    ],
    detail: "No SSL/TLS record",
  },
  {
    codes: ["ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", SenderCodes.noCommonProtocol],
    detail: "Session protocol negotiation failure",
  },
  {
    codes: ["ECONNRESET", "EPIPE", SenderCodes.sessionClosed],
    detail: "Connection failed (session closed)",
  },
];
const requestRules: Rule<
  UnclassifiedDetail | "Request timeout" | "Connection failed (received GOAWAY)"
>[] = [
  { codes: [SenderCodes.requestTimeout], detail: "Request timeout" },
  {
    codes: [SenderCodes.goawayBeforeAccept, "ERR_HTTP2_GOAWAY_SESSION"],
    detail: "Connection failed (received GOAWAY)",
  },
  {
    codes: [SenderCodes.streamReset, "ERR_HTTP2_STREAM_ERROR"],
    detail: "Stream closed unexpectedly",
  },
  {
    codes: [
      "ECONNRESET",
      "EPIPE",
      SenderCodes.sessionClosed,
      "ERR_HTTP2_SESSION_ERROR",
      "ERR_STREAM_PREMATURE_CLOSE",
    ],
    detail: "Session closed unexpectedly",
  },
];

function match<Detail>(rules: Rule<Detail>[], code: string | undefined): Detail | undefined {
  if (code === undefined) return undefined;
  return rules.find((rule) => rule.codes.includes(code))?.detail;
}

/** The `code` of a Node/OpenSSL error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const { code } = error as { code: unknown };
    if (typeof code === "string") return code;
  }
  return undefined;
}

export function classifyDispatchError(phase: DispatchPhase, error: unknown): DeliveryFailure {
  const code = errorCode(error);
  switch (phase) {
    case "url":
      return couldNotConnect("Invalid URL syntax");
    case "dns":
      // NXDOMAIN, NODATA, SERVFAIL...: the name did not lead to an address.
      return couldNotConnect(match(dnsRules, code) ?? "Unknown host");
    case "connect":
      // Refused, unreachable network or host, address not available.
      return couldNotConnect(match(connectRules, code) ?? "Connection failed");
    case "tls":
      // Certificate not trusted, expired or for another host; no common version or cipher.
      return couldNotConnect(match(tlsRules, code) ?? "TLS handshake failure");
    case "request": {
      const detail = match(requestRules, code);
      if (detail === "Request timeout") return requestTimeout;
      if (detail === "Connection failed (received GOAWAY)") return couldNotConnect(detail);
      // Unparseable responses (HPE_*) and anything unforeseen.
      return unclassified(detail ?? "Unclassified webhook dispatch error");
    }
  }
}
