// One HTTP/1.1 connection to a bot server, carrying one exchange at a time: the request written
// as one buffer, the answer read by Node's own parser (http1-response-parser.ts). The sender's
// hot path: node:http spends about three times the CPU per request on streams and objects this
// does not need (docs/adr/0024-a-lean-http1-exchange-and-group-commit.md).
import type net from "node:net";
import { SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";
import { ExchangeFailure } from "./exchange-failure";
import {
  READ_BODY,
  type ResponseParser,
  responseParser,
  SKIP_BODY,
  UPGRADE,
} from "./http1-response-parser";
import type { ResponseCapture } from "./response-capture";
import { responseTimer } from "./response-timer";

interface Exchange {
  resolve(result: { status: number }): void;
  reject(error: ExchangeFailure): void;
  capture: ResponseCapture;
  timer: ReturnType<typeof responseTimer>;
  /** The connection had carried an exchange before this one. */
  reused: boolean;
  /** The final (not informational) response's status line has arrived. */
  responseStarted: boolean;
  /** An informational (1xx) response is being read: its end is not the exchange's. */
  informational: boolean;
  status: number;
  /** Headers llhttp handed over early (a response with very many of them). */
  headerParts: string[] | null;
  /** The final response is complete; settled once the bytes in hand are parsed. */
  complete: boolean;
}

/** Where a connection goes when its exchange is over and it can carry another. */
export type ReleaseConnection = (connection: Http1Connection) => void;

export class Http1Connection {
  private readonly parser: ResponseParser;
  private exchange: Exchange | null = null;
  private exchanges = 0;
  /** Keep-alive on both sides and nothing unexpected seen: it may carry another exchange. */
  private reusable = true;
  private closed = false;
  /** When it was last released (performance.now()), for the pool's idle limit. */
  idleSince = 0;

  constructor(
    readonly socket: net.Socket,
    /** null: the connection is closed after one exchange. */
    private readonly release: ReleaseConnection | null,
    /** Told once when the connection closes, whatever closed it. */
    private readonly onClose?: (connection: Http1Connection) => void,
  ) {
    socket.setNoDelay(true);
    this.parser = responseParser({
      onMessageBegin: () => this.messageBegins(),
      onHeaders: (headers) => {
        const exchange = this.exchange;
        if (exchange) exchange.headerParts = [...(exchange.headerParts ?? []), ...headers];
      },
      onHeadersComplete: (headers, status, upgrade, keepAlive) =>
        this.headersComplete(headers, status, upgrade, keepAlive),
      onBody: (chunk) => {
        const exchange = this.exchange;
        if (exchange?.responseStarted && !exchange.complete) exchange.capture.chunk(chunk);
      },
      onMessageComplete: () => {
        const exchange = this.exchange;
        if (!exchange) return;
        if (exchange.informational) exchange.informational = false;
        else exchange.complete = true;
      },
    });
    socket.on("data", (data: Buffer) => this.read(data));
    socket.on("end", () => this.peerEnded());
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () => {
      this.closed = true;
      this.parser.close();
      this.fail(codedError(SenderCodes.sessionClosed, this.closedMessage()));
      this.onClose?.(this);
    });
  }

  /** Open, idle and fit for another exchange. */
  get usable(): boolean {
    return !this.closed && this.reusable && this.exchange === null && !this.socket.destroyed;
  }

  /**
   * Writes `request` (head and body in one buffer) and waits for the complete answer within
   * `timeoutMs`, counted from the request's last byte written (LINE's 2 seconds); writing it may
   * take as long again. Rejects with an ExchangeFailure.
   */
  send(request: Buffer, timeoutMs: number, capture: ResponseCapture): Promise<{ status: number }> {
    return new Promise((resolve, reject) => {
      const exchange: Exchange = {
        resolve,
        reject,
        capture,
        timer: responseTimer(timeoutMs, (error) => this.fail(error)),
        reused: this.exchanges > 0,
        responseStarted: false,
        informational: false,
        status: 0,
        headerParts: null,
        complete: false,
      };
      this.exchanges++;
      this.exchange = exchange;
      capture.handedToConnection();
      if (this.closed || this.socket.destroyed) {
        this.fail(codedError(SenderCodes.sessionClosed, "connection closed before a response"));
        return;
      }
      exchange.timer.start();
      // The last byte is written: the answer gets the whole limit from now.
      this.socket.write(request, (error) => {
        if (!error && this.exchange === exchange && !exchange.complete) exchange.timer.start();
      });
    });
  }

  /** Closes the connection; an exchange under way fails as closed. */
  destroy(): void {
    this.reusable = false;
    this.socket.destroy();
  }

  private messageBegins(): void {
    // Bytes after the answer, before the next request: the bot answered something not asked.
    // Whatever it is, this connection's next answer could not be trusted.
    if (!this.exchange || this.exchange.complete) this.reusable = false;
  }

  private headersComplete(
    headers: string[] | undefined,
    status: number,
    upgrade: boolean,
    keepAlive: boolean,
  ): number {
    const exchange = this.exchange;
    if (!exchange || exchange.complete) {
      this.reusable = false;
      return SKIP_BODY;
    }
    const raw = headers ?? exchange.headerParts ?? [];
    exchange.headerParts = null;
    // 1xx (103 Early Hints and the like) come before the answer; 101 ends HTTP/1.1 here.
    if (status >= 100 && status < 200 && !upgrade) {
      exchange.informational = true;
      return SKIP_BODY;
    }
    exchange.responseStarted = true;
    exchange.status = status;
    exchange.capture.headersFromRaw(raw);
    if (!keepAlive) this.reusable = false;
    if (upgrade) {
      this.reusable = false;
      exchange.complete = true;
      return UPGRADE;
    }
    return READ_BODY;
  }

  private read(data: Buffer): void {
    if (!this.exchange) {
      // Bytes nobody asked for, on an idle connection.
      this.destroy();
      return;
    }
    const parsed = this.parser.execute(data);
    if (parsed instanceof Error) {
      this.fail(parsed);
      return;
    }
    this.settleIfComplete();
  }

  /** The bot closed its side: the end of a body delimited by the close, or an answer cut short. */
  private peerEnded(): void {
    this.reusable = false;
    if (!this.exchange) return;
    const finished = this.parser.finish();
    if (finished instanceof Error) {
      this.fail(finished);
      return;
    }
    this.settleIfComplete();
    this.fail(codedError(SenderCodes.sessionClosed, this.closedMessage()));
  }

  private closedMessage(): string {
    return this.exchange?.responseStarted
      ? "connection closed during the response"
      : "connection closed before a response";
  }

  private settleIfComplete(): void {
    const exchange = this.exchange;
    if (!exchange?.complete) return;
    this.exchange = null;
    exchange.timer.stop();
    exchange.capture.finished();
    if (this.release && this.usable) this.release(this);
    else this.destroy();
    exchange.resolve({ status: exchange.status });
  }

  /** Ends the exchange under way, if any, with `error`, and the connection with it. */
  private fail(error: unknown): void {
    const exchange = this.exchange;
    this.exchange = null;
    this.destroy();
    if (!exchange) return;
    exchange.timer.stop();
    exchange.capture.finished();
    exchange.reject(new ExchangeFailure(error, exchange.reused, exchange.responseStarted));
  }
}
