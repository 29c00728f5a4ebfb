import { describe, expect, it } from "vitest";
import { classifyDispatchError, type DispatchPhase, SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";

// Each row: the phase the send was in, the low-level error code Node/OpenSSL (or the sender)
// reports there, and what LINE's statistics call it. Codes are the ones the fault lab observes.
const table: [DispatchPhase, string | undefined, string, string][] = [
  ["url", undefined, "could_not_connect", "Invalid URL syntax"],
  ["url", "ERR_INVALID_URL", "could_not_connect", "Invalid URL syntax"],
  ["dns", "ENOTFOUND", "could_not_connect", "Unknown host"],
  ["dns", "ENODATA", "could_not_connect", "Unknown host"],
  ["dns", "ESERVFAIL", "could_not_connect", "Unknown host"],
  ["dns", "EAI_NONAME", "could_not_connect", "Unknown host"],
  ["dns", "ETIMEOUT", "could_not_connect", "DNS Query timeout"],
  ["dns", SenderCodes.dnsTimeout, "could_not_connect", "DNS Query timeout"],
  ["dns", "EAI_AGAIN", "could_not_connect", "DNS Query timeout"],
  ["dns", "ECONNREFUSED", "could_not_connect", "DNS Query timeout"],
  ["connect", "ECONNREFUSED", "could_not_connect", "Connection failed"],
  ["connect", SenderCodes.privateTarget, "could_not_connect", "Connection failed"],
  ["connect", "EHOSTUNREACH", "could_not_connect", "Connection failed"],
  ["connect", "ENETUNREACH", "could_not_connect", "Connection failed"],
  ["connect", SenderCodes.connectTimeout, "could_not_connect", "Connection timeout"],
  ["connect", "ETIMEDOUT", "could_not_connect", "Connection timeout"],
  ["connect", "ECONNRESET", "could_not_connect", "Connection failed (session closed)"],
  ["tls", "ERR_SSL_WRONG_VERSION_NUMBER", "could_not_connect", "No SSL/TLS record"],
  ["tls", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "could_not_connect", "No SSL/TLS record"],
  [
    "tls",
    "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
    "could_not_connect",
    "Session protocol negotiation failure",
  ],
  [
    "tls",
    SenderCodes.noCommonProtocol,
    "could_not_connect",
    "Session protocol negotiation failure",
  ],
  ["tls", "ECONNRESET", "could_not_connect", "Connection failed (session closed)"],
  ["tls", SenderCodes.sessionClosed, "could_not_connect", "Connection failed (session closed)"],
  ["tls", SenderCodes.connectTimeout, "could_not_connect", "Connection timeout"],
  ["tls", "CERT_HAS_EXPIRED", "could_not_connect", "TLS handshake failure"],
  ["tls", "DEPTH_ZERO_SELF_SIGNED_CERT", "could_not_connect", "TLS handshake failure"],
  ["tls", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "could_not_connect", "TLS handshake failure"],
  ["tls", "ERR_TLS_CERT_ALTNAME_INVALID", "could_not_connect", "TLS handshake failure"],
  ["tls", "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "could_not_connect", "TLS handshake failure"],
  ["tls", "ERR_SSL_UNSUPPORTED_PROTOCOL", "could_not_connect", "TLS handshake failure"],
  ["request", SenderCodes.requestTimeout, "request_timeout", "Request timeout"],
  [
    "request",
    SenderCodes.goawayBeforeAccept,
    "could_not_connect",
    "Connection failed (received GOAWAY)",
  ],
  ["request", SenderCodes.streamReset, "unclassified", "Stream closed unexpectedly"],
  ["request", "ERR_HTTP2_STREAM_ERROR", "unclassified", "Stream closed unexpectedly"],
  ["request", "ECONNRESET", "unclassified", "Session closed unexpectedly"],
  ["request", "EPIPE", "unclassified", "Session closed unexpectedly"],
  ["request", SenderCodes.sessionClosed, "unclassified", "Session closed unexpectedly"],
  ["request", "HPE_INVALID_CONSTANT", "unclassified", "Unclassified webhook dispatch error"],
  ["request", undefined, "unclassified", "Unclassified webhook dispatch error"],
];

describe("classifyDispatchError", () => {
  it.each(table)("%s phase, code %s → %s / %s", (phase, code, reason, detail) => {
    const error = code === undefined ? new Error("boom") : codedError(code, "boom");
    expect(classifyDispatchError(phase, error)).toEqual({ reason, detail });
  });

  it("does not depend on the message text", () => {
    expect(classifyDispatchError("request", new Error("ECONNRESET socket hang up"))).toEqual({
      reason: "unclassified",
      detail: "Unclassified webhook dispatch error",
    });
  });
});
