// What one try saw besides the status: the time each phase took and the start of the answer.
// The attempt detail shows it (issue 11); the exchanges fill it in as they go, so a failure keeps
// what had been seen up to then.

/** How much of a response body is kept: the rest is read and dropped, never buffered. */
export const RESPONSE_EXCERPT_BYTES = 4096;

/** Milliseconds per phase; null when this try did not go through it (or could not measure it). */
export interface PhaseTimings {
  /** Name resolution; null for an IP literal (nothing to resolve) and for a reused connection. */
  dnsMs: number | null;
  /** TCP connect; null for a reused connection. */
  connectMs: number | null;
  /** TLS handshake; null for plain http and for a reused connection. */
  tlsMs: number | null;
  /** From the request being handed to a connection to its complete answer, or to the failure. */
  responseMs: number | null;
}

export function emptyTimings(): PhaseTimings {
  return { dnsMs: null, connectMs: null, tlsMs: null, responseMs: null };
}

/** Whole milliseconds since `since` (a performance.now() reading). */
export function msSince(since: number): number {
  return Math.round(performance.now() - since);
}

/** The answer as far as it arrived, in the form the sender reports it. */
export interface CapturedResponse {
  /** Lower-case names; repeated headers joined with ", "; no HTTP/2 pseudo-headers. */
  responseHeaders: Record<string, string>;
  /** The first RESPONSE_EXCERPT_BYTES bytes of the body, decoded as UTF-8 (bad bytes as U+FFFD). */
  responseExcerpt: string;
  /** The body was longer than the excerpt. */
  responseTruncated: boolean;
  timings: PhaseTimings;
}

export class ResponseCapture {
  readonly timings = emptyTimings();
  private headers: Record<string, string> = {};
  // References to the chunks as they arrived (at most RESPONSE_EXCERPT_BYTES in all): nothing is
  // copied per chunk, and a single-chunk body, the usual case, is decoded without a copy at all.
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private truncated = false;
  private handedAt = 0;

  /** The request now has a connection: responseMs counts from here. */
  handedToConnection(): void {
    this.handedAt = performance.now();
  }

  /** The exchange is over, answered or not. Idempotent: the first call counts. */
  finished(): void {
    if (this.handedAt !== 0 && this.timings.responseMs === null) {
      this.timings.responseMs = msSince(this.handedAt);
    }
  }

  /** Headers as Node gives them (HTTP/1.1 IncomingMessage.headers or an HTTP/2 header object). */
  headersFrom(headers: Record<string, string | string[] | number | undefined>): void {
    const kept: Record<string, string> = {};
    for (const name in headers) {
      // HTTP/2 pseudo-headers (":status") are not headers; the status is reported on its own.
      if (name.charCodeAt(0) === 58) continue;
      const value = headers[name];
      if (value === undefined) continue;
      kept[name] = Array.isArray(value) ? value.join(", ") : String(value);
    }
    this.headers = kept;
  }

  /** Headers as the HTTP/1.1 parser gives them: names and values alternating, as sent. */
  headersFromRaw(raw: readonly string[]): void {
    // No prototype: a bot's "__proto__" header is a header like any other.
    const kept: Record<string, string> = Object.create(null);
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase();
      const value = raw[i + 1] as string;
      const earlier = kept[name];
      kept[name] = earlier === undefined ? value : `${earlier}, ${value}`;
    }
    this.headers = kept;
  }

  /** One chunk of the body: kept up to the cap, then only noted (the caller keeps draining). */
  chunk(data: Buffer): void {
    if (this.truncated || data.length === 0) return;
    const room = RESPONSE_EXCERPT_BYTES - this.kept;
    if (data.length <= room) {
      this.chunks.push(data);
      this.kept += data.length;
      return;
    }
    if (room > 0) {
      this.chunks.push(data.subarray(0, room));
      this.kept = RESPONSE_EXCERPT_BYTES;
    }
    this.truncated = true;
  }

  result(): CapturedResponse {
    const [only] = this.chunks;
    const body = this.chunks.length === 1 && only ? only : Buffer.concat(this.chunks, this.kept);
    return {
      responseHeaders: this.headers,
      responseExcerpt: body.toString("utf8"),
      responseTruncated: this.truncated,
      timings: this.timings,
    };
  }
}
