import { classifyDispatchError } from "./classify-error";
import { exchange, type OutgoingWebhook } from "./exchange";
import { type DeliveryFailure, errorStatusCode } from "./failure-reasons";
import { type ConnectOptions, openConnection, PhaseError } from "./open-connection";
import { parseWebhookTarget } from "./webhook-target";

export interface SendOptions extends ConnectOptions {
  /** From the moment the request is sent until the complete response: LINE's 2 seconds. */
  requestTimeoutMs: number;
}

interface Attempted {
  /** HTTP status, 0 when no response arrived. */
  status: number;
  latencyMs: number;
  /** "h2" or "http/1.1" once a connection was made. */
  protocol: string | null;
}

export type SendResult =
  | (Attempted & { ok: true })
  | (Attempted &
      DeliveryFailure & { ok: false /** The underlying error, for operators. */; error: string });

/**
 * Sends one webhook POST and says how it went. Never throws: every outcome, including bugs in
 * the sending code itself, comes back as a result the caller records.
 */
export async function sendWebhook(
  url: string,
  webhook: OutgoingWebhook,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let protocol: string | null = null;
  try {
    let target: ReturnType<typeof parseWebhookTarget>;
    try {
      target = parseWebhookTarget(url);
    } catch (error) {
      throw new PhaseError("url", error);
    }
    const connection = await openConnection(target, options);
    protocol = connection.protocol;
    let status: number;
    try {
      ({ status } = await exchange(connection, target, webhook, options.requestTimeoutMs));
    } catch (error) {
      throw new PhaseError("request", error);
    }
    if (status >= 200 && status < 300) return { ok: true, status, latencyMs: elapsed(), protocol };
    return {
      ok: false,
      ...errorStatusCode(status),
      status,
      latencyMs: elapsed(),
      protocol,
      error: `HTTP ${status}`,
    };
  } catch (error) {
    const phase = error instanceof PhaseError ? error.phase : "request";
    const cause = error instanceof PhaseError ? error.cause : error;
    return {
      ok: false,
      ...classifyDispatchError(phase, cause),
      status: 0,
      latencyMs: elapsed(),
      protocol,
      error: describeError(cause),
    };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
