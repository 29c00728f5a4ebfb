// The HTTP server's settings and the console's origins, read in one place: by scripts/serve.mjs
// (which loads this file with tsx before it listens, and refuses to start on a bad value), by
// proxy.ts (the origins a state-changing request may come from) and by the start-up check of
// every setting (lib/boot/server-settings.ts).
//
// Pure: no server-only imports, so the proxy and plain Node can load it.
import {
  type Env,
  InvalidSettingError,
  listSetting,
  optionalSetting,
  portSetting,
  positiveIntSetting,
} from "./read-env";

export interface HttpServerSettings {
  /** PORT: where the server listens. */
  port: number;
  /** HOSTNAME_BIND: the address it listens on. */
  hostname: string;
  /** KEEP_ALIVE_TIMEOUT_MS: how long an idle client connection stays open. */
  keepAliveTimeoutMs: number;
  /**
   * CONSOLE_ORIGIN: where browsers reach the console, as they write an `Origin` header
   * (`https://console.example.com`, `http://localhost:3000`). Only these hosts are served, and
   * only these origins may change anything through the console's API.
   */
  origins: readonly string[];
}

export function httpServerSettingsFromEnv(env: Env = process.env): HttpServerSettings {
  const port = portSetting(env, "PORT", 3000);
  return {
    port,
    hostname: optionalSetting(env, "HOSTNAME_BIND") ?? "127.0.0.1",
    // Longer than the idle timeout of common proxies and clients (Node's 5 s default is shorter
    // than most, so a client could write to a connection the server is closing).
    keepAliveTimeoutMs: positiveIntSetting(env, "KEEP_ALIVE_TIMEOUT_MS", 65_000),
    origins: consoleOriginsFromEnv(env, port),
  };
}

/** CONSOLE_ORIGIN, comma-separated; unset: `http://localhost:PORT` and `http://127.0.0.1:PORT`. */
function consoleOriginsFromEnv(env: Env, port: number): string[] {
  const listed = listSetting(env, "CONSOLE_ORIGIN");
  if (listed.length === 0) return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return listed.map((text) => {
    const origin = originOf(text);
    if (origin === null) {
      throw new InvalidSettingError(
        "CONSOLE_ORIGIN",
        "comma-separated origins: http:// or https://, a host and an optional port, nothing else (e.g. https://console.example.com)",
        text,
      );
    }
    return origin;
  });
}

// Scheme, host, optional port, an optional "/" and nothing more: no user, path, query or fragment.
const ORIGIN_SHAPE = /^https?:\/\/[^/?#@\s]+\/?$/i;

/**
 * `text` as the origin a browser would send (`https://console.example.com`: lowercase, no default
 * port, no trailing slash), or null when it is not exactly an http(s) origin.
 */
export function originOf(text: string): string | null {
  if (!ORIGIN_SHAPE.test(text)) return null;
  try {
    const url = new URL(text);
    return url.hostname === "" ? null : url.origin;
  } catch {
    return null;
  }
}
