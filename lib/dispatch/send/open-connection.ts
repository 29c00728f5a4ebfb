import net from "node:net";
import tls from "node:tls";
import { type DispatchPhase, SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";
import type { HostResolver } from "./resolve-host";
import { msSince, type PhaseTimings } from "./response-capture";
import { targetRefusal } from "./target-address";
import type { WebhookTarget } from "./webhook-target";

/** A failure tagged with the phase it happened in; the classifier needs both. */
export class PhaseError extends Error {
  constructor(
    readonly phase: DispatchPhase,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "PhaseError";
  }
}

export type ApplicationProtocol = "h2" | "http/1.1";

export interface OpenConnection {
  socket: net.Socket;
  protocol: ApplicationProtocol;
}

export interface ConnectOptions {
  resolve: HostResolver;
  /** Budget for TCP connect and TLS handshake together. */
  connectTimeoutMs: number;
  /** Trusted CA certificates (PEM): the system store plus any extra CA file. */
  ca: string[];
  /**
   * false: refuse, before connecting, an address that is loopback, private, link-local or
   * otherwise not public (target-address.ts). WEBHOOK_ALLOW_PRIVATE_TARGETS.
   */
  allowPrivateTargets: boolean;
}

const TIMING_OF = { dns: "dnsMs", connect: "connectMs", tls: "tlsMs" } as const;

/**
 * Runs one step of opening a connection; its time, success or failure, goes into `timings`
 * (the attempt detail shows where the time went, and where it broke).
 */
async function inPhase<T>(
  phase: keyof typeof TIMING_OF,
  run: () => Promise<T>,
  timings: PhaseTimings | undefined,
): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } catch (error) {
    throw error instanceof PhaseError ? error : new PhaseError(phase, error);
  } finally {
    if (timings) timings[TIMING_OF[phase]] = msSince(started);
  }
}

/**
 * DNS → address check → TCP → (TLS with ALPN h2/http1.1, TLS 1.2 or later, verified
 * certificate). Every failure leaves as a PhaseError naming the step that broke.
 *
 * The address check judges the very address the socket is then opened to, after resolution and
 * for every new connection (pooled ones included), so neither the URL's spelling nor a DNS answer
 * that changes between checks (rebinding) can lead past it (ADR 11).
 *
 * `timings`, when given, receives the time of each step taken (an IP literal takes no DNS step).
 */
export async function openConnection(
  target: WebhookTarget,
  options: ConnectOptions,
  timings?: PhaseTimings,
): Promise<OpenConnection> {
  const { address, family } = net.isIP(target.host)
    ? await inPhase("dns", () => options.resolve(target.host), undefined)
    : await inPhase("dns", () => options.resolve(target.host), timings);
  if (!options.allowPrivateTargets) {
    const refusal = targetRefusal(target.host, address);
    if (refusal) throw new PhaseError("connect", codedError(SenderCodes.privateTarget, refusal));
  }
  const deadline = Date.now() + options.connectTimeoutMs;
  const socket = await inPhase(
    "connect",
    () => tcpConnect(address, family, target.port, deadline),
    timings,
  );
  if (!target.secure) return { socket, protocol: "http/1.1" };
  const secure = await inPhase(
    "tls",
    () => tlsHandshake(socket, target, options.ca, deadline),
    timings,
  );
  const negotiated = secure.alpnProtocol;
  // No ALPN answer at all: the server predates ALPN and speaks HTTP/1.1.
  if (negotiated === "h2") return { socket: secure, protocol: "h2" };
  if (negotiated === "http/1.1" || negotiated === false)
    return { socket: secure, protocol: "http/1.1" };
  secure.destroy();
  throw new PhaseError(
    "tls",
    codedError(SenderCodes.noCommonProtocol, `server chose protocol ${String(negotiated)}`),
  );
}

function timeLeft(deadline: number): number {
  return Math.max(0, deadline - Date.now());
}

function tcpConnect(address: string, family: 4 | 6, port: number, deadline: number) {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ host: address, port, family });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(codedError(SenderCodes.connectTimeout, `TCP connect to ${address}:${port} timed out`));
    }, timeLeft(deadline));
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

function tlsHandshake(socket: net.Socket, target: WebhookTarget, ca: string[], deadline: number) {
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    const secure = tls.connect({
      socket,
      // SNI and name checks take host names only, not IP literals.
      servername: net.isIP(target.host) ? undefined : target.host,
      host: target.host,
      ALPNProtocols: ["h2", "http/1.1"],
      minVersion: "TLSv1.2",
      ca,
      rejectUnauthorized: true,
    });
    const fail = (error: unknown) => {
      clearTimeout(timer);
      secure.destroy();
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(codedError(SenderCodes.connectTimeout, "TLS handshake timed out")),
      timeLeft(deadline),
    );
    secure.once("secureConnect", () => {
      clearTimeout(timer);
      secure.removeAllListeners("error");
      secure.removeAllListeners("close");
      resolve(secure);
    });
    secure.once("error", fail);
    secure.once("close", () =>
      fail(codedError(SenderCodes.sessionClosed, "connection closed during the TLS handshake")),
    );
  });
}
