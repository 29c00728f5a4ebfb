// Node's own HTTP/1.1 response parser: the llhttp binding that node:http itself parses with, so
// the sender keeps node:http's strictness, header size limit and HPE_* error codes (which the
// classifier and the fault lab rely on) without node:http's per-request streams and objects
// (docs/adr/0024-a-lean-http1-exchange-and-group-commit.md). `node:_http_common` is a built-in module that Node
// documents nowhere but has kept since Node 12; if a Node release drops it, loading this file
// throws at once and every sender test fails, rather than anything failing quietly.

/** An error llhttp reports for bytes that are not a valid HTTP/1.1 response. */
export type ParseError = Error & { code: string; bytesParsed?: number; reason?: string };

interface NativeParser {
  initialize(type: number, resource: object, maxHeaderSize: number, lenient: number): void;
  execute(data: Buffer): number | ParseError;
  /** The peer closed: completes a body delimited by the close, or says what was cut short. */
  finish(): number | ParseError | undefined;
  close(): void;
  [callback: number]: unknown;
}

interface NativeParserClass {
  new (): NativeParser;
  RESPONSE: number;
  kLenientNone: number;
  kOnMessageBegin: number;
  kOnHeaders: number;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
}

const { HTTPParser } = process.getBuiltinModule("node:_http_common") as unknown as {
  HTTPParser: NativeParserClass;
};

/** What llhttp tells as it reads; the numbers returned from onHeadersComplete steer it. */
export interface ResponseEvents {
  /** The first byte of a message (also of one that should not be there at all). */
  onMessageBegin(): void;
  /** Raw header names and values, alternating, when a response has too many for one call. */
  onHeaders(headers: string[]): void;
  /**
   * The status line and headers: `headers` is undefined when they came through onHeaders.
   * Return SKIP_BODY for a response that has none to read (informational), UPGRADE to stop
   * parsing here, READ_BODY otherwise.
   */
  onHeadersComplete(
    headers: string[] | undefined,
    status: number,
    upgrade: boolean,
    keepAlive: boolean,
  ): number;
  onBody(chunk: Buffer): void;
  onMessageComplete(): void;
}

export const READ_BODY = 0;
export const SKIP_BODY = 1;
export const UPGRADE = 2;

export type ResponseParser = Pick<NativeParser, "execute" | "finish" | "close">;

/** A strict (not lenient) response parser with Node's default header size limit. */
export function responseParser(events: ResponseEvents): ResponseParser {
  const parser = new HTTPParser();
  // No async resource: these exchanges are not traced through async_hooks.
  parser.initialize(HTTPParser.RESPONSE, {}, 0, HTTPParser.kLenientNone);
  parser[HTTPParser.kOnMessageBegin] = () => events.onMessageBegin();
  parser[HTTPParser.kOnHeaders] = (headers: string[]) => events.onHeaders(headers);
  parser[HTTPParser.kOnHeadersComplete] = (
    _versionMajor: number,
    _versionMinor: number,
    headers: string[] | undefined,
    _method: unknown,
    _url: unknown,
    status: number,
    _statusMessage: string,
    upgrade: boolean,
    keepAlive: boolean,
  ) => events.onHeadersComplete(headers, status, upgrade, keepAlive);
  parser[HTTPParser.kOnBody] = (chunk: Buffer) => events.onBody(chunk);
  parser[HTTPParser.kOnMessageComplete] = () => events.onMessageComplete();
  return parser;
}
