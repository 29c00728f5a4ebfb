import http from "node:http";
import http2 from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import { validateSignature } from "@line/bot-sdk";
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale, negotiateLocale } from "../../i18n/locales";
import { MESSAGES } from "../../i18n/messages";
import type { KeyPair } from "../tls/local-pki";
import { startDemoBotTls } from "./demo-bot-tls";
import {
  DEMO_BOT_MODE_NAMES,
  DEMO_BOT_MODES,
  type DemoBotMode,
  demoBotModeDescriptions,
  isDemoBotMode,
  resolveMode,
} from "./modes";

export interface DemoBotOptions {
  port: number;
  /** Also listen with https (HTTP/2 and HTTP/1.1) on this port, with this certificate. */
  tls?: { port: number; certificate: KeyPair };
  host?: string;
  initialMode?: DemoBotMode;
  /** The channel secret; called again after a signature mismatch, in case it was reissued. */
  channelSecret: (refresh: boolean) => Promise<string>;
  log?: (line: string) => void;
}

export interface DemoBot {
  url: string;
  /** The https listener's URL, when there is one. */
  tlsUrl: string | null;
  mode(): DemoBotMode;
  setMode(mode: DemoBotMode): void;
  stats(): { received: number; validSignatures: number; invalidSignatures: number };
  /** The events of the latest validly signed webhooks, oldest first (at most RECENT_EVENTS). */
  recentEvents(): ReceivedEvent[];
  close(): Promise<void>;
}

/** One event as a bot sees it: enough to tell a redelivery from a first send. */
export interface ReceivedEvent {
  webhookEventId: string;
  isRedelivery: boolean;
}

const RECENT_EVENTS = 100;

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A bot server for demos: verifies every webhook's x-line-signature with the official
 * @line/bot-sdk, then answers as its current mode says. GET / shows the modes (in the browser's
 * language, from Accept-Language; English by default); POST /control {"mode"} switches, and its
 * JSON answers stay English.
 */
export async function startDemoBot(options: DemoBotOptions): Promise<DemoBot> {
  let mode: DemoBotMode = options.initialMode ?? "ok";
  const stats = { received: 0, validSignatures: 0, invalidSignatures: 0 };
  const recent: ReceivedEvent[] = [];
  const log = options.log ?? (() => {});
  const sockets = new Set<Socket>();

  async function verify(body: string, signature: string): Promise<boolean> {
    if (validateSignature(body, await options.channelSecret(false), signature)) return true;
    return validateSignature(body, await options.channelSecret(true), signature);
  }

  async function onWebhook(request: AnyRequest, response: AnyResponse, body: string) {
    stats.received++;
    const signature = request.headers["x-line-signature"];
    const valid = typeof signature === "string" && (await verify(body, signature));
    if (valid) stats.validSignatures++;
    else stats.invalidSignatures++;
    const now = resolveMode(mode);
    log(`webhook: signature ${valid ? "valid" : "INVALID"}, answering as "${now}"`);
    if (!valid) {
      response.writeHead(401, { "content-type": "text/plain" }).end("invalid signature");
      return;
    }
    remember(recent, body);
    switch (now) {
      case "slowish":
        await sleep(1500);
        break;
      case "slow":
        await sleep(2500);
        break;
      case "error500":
        response.writeHead(500).end("demo bot: internal error");
        return;
      case "error404":
        response.writeHead(404).end("demo bot: not found");
        return;
      case "redirect":
        response.writeHead(302, { location: "/elsewhere" }).end();
        return;
      case "close":
        request.socket.destroy();
        return;
      case "goaway":
        // New HTTP/2 connections get GOAWAY at once (demo-bot-tls.ts); on one already open, the
        // server announces it stops before this stream, which therefore was never accepted.
        if ("stream" in request) {
          request.stream.session?.goaway(
            http2.constants.NGHTTP2_NO_ERROR,
            (request.stream.id ?? 1) - 2,
          );
          request.stream.close(http2.constants.NGHTTP2_REFUSED_STREAM);
          request.stream.session?.close();
        } else request.socket.destroy();
        return;
      case "reset":
        // HTTP/2: reset the stream without answering; HTTP/1.1 has no streams, so close instead.
        if ("stream" in request) request.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
        else request.socket.destroy();
        return;
      case "garbage":
        // HTTP/2 sockets cannot be written to directly; there the mode closes the connection.
        if ("stream" in request) request.socket.destroy();
        else request.socket.end("THIS IS NOT HTTP\r\n\r\n");
        return;
      default:
        // ok, and the HTTP/2-only modes, which plain HTTP/1.1 cannot produce.
        break;
    }
    if (!response.destroyed)
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
  }

  function onControl(request: AnyRequest, response: AnyResponse, body: string) {
    if (request.method === "POST") {
      let requested: unknown;
      try {
        requested = (JSON.parse(body) as { mode?: unknown }).mode;
      } catch {
        requested = undefined;
      }
      if (!isDemoBotMode(requested)) {
        response.writeHead(400, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            message: `mode must be one of ${Object.keys(DEMO_BOT_MODES).join(", ")}`,
          }),
        );
        return;
      }
      mode = requested;
      log(`mode is now "${mode}"`);
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ mode, modes: DEMO_BOT_MODES, ...stats }));
  }

  function handle(request: AnyRequest, response: AnyResponse) {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = (request.url ?? "/").split("?")[0];
      if (path === "/control") return onControl(request, response, body);
      if (path === "/" && request.method === "GET") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        const locale = negotiateLocale(request.headers["accept-language"]) ?? DEFAULT_LOCALE;
        response.end(controlPage(mode, locale));
        return;
      }
      if (request.method === "POST") {
        onWebhook(request, response, body).catch((error) => {
          log(`error: ${String(error)}`);
          if (!response.headersSent) response.writeHead(500).end();
        });
        return;
      }
      response.writeHead(404).end();
    });
  }

  const server = http.createServer(handle);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  const tls = options.tls
    ? await startDemoBotTls({
        port: options.tls.port,
        host: options.host,
        certificate: options.tls.certificate,
        mode: () => resolveMode(mode),
        handle,
      })
    : null;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    tlsUrl: tls?.url ?? null,
    mode: () => mode,
    setMode: (next) => {
      mode = next;
    },
    stats: () => ({ ...stats }),
    recentEvents: () => recent.map((event) => ({ ...event })),
    close: async () => {
      await tls?.close();
      await new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to put in HTML, in an element or a quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** GET /: the modes, a button each, in `locale`; the mode names are identifiers and stay. */
function controlPage(current: DemoBotMode, locale: Locale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "demoBot" });
  const descriptions = demoBotModeDescriptions(locale);
  const rows = DEMO_BOT_MODE_NAMES.map(
    (name) =>
      `<li><button onclick="setMode('${name}')" ${name === current ? "disabled" : ""}>${name}</button> ${escapeHtml(descriptions[name])}</li>`,
  ).join("");
  const title = escapeHtml(t("title"));
  // The message's own tags are ours; the value put between them is escaped.
  const currentMode = t.markup("currentMode", {
    mode: escapeHtml(current),
    strong: (chunks) => `<strong>${chunks}</strong>`,
    code: (chunks) => `<code>${chunks}</code>`,
  });
  return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title>
<body style="font-family:system-ui;max-width:40rem;margin:2rem auto">
<h1>${title}</h1><p>${currentMode}</p>
<ul style="list-style:none;padding:0;line-height:2">${rows}</ul>
<script>async function setMode(mode){await fetch('/control',{method:'POST',body:JSON.stringify({mode})});location.reload()}</script>`;
}

/** Keeps the events of a signed webhook body (LINE's shape) in `recent`, dropping the oldest. */
function remember(recent: ReceivedEvent[], body: string): void {
  let events: unknown;
  try {
    events = (JSON.parse(body) as { events?: unknown }).events;
  } catch {
    return;
  }
  if (!Array.isArray(events)) return;
  for (const event of events as {
    webhookEventId?: unknown;
    deliveryContext?: { isRedelivery?: unknown };
  }[]) {
    if (typeof event?.webhookEventId !== "string") continue;
    recent.push({
      webhookEventId: event.webhookEventId,
      isRedelivery: event.deliveryContext?.isRedelivery === true,
    });
  }
  recent.splice(0, Math.max(0, recent.length - RECENT_EVENTS));
}
