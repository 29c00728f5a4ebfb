// Which address a request comes from, for the sign-in limits (lib/auth). Behind a reverse proxy
// every connection comes from the proxy, so the client's address is in X-Forwarded-For, which any
// client can also write. Only hops the operator trusts (TRUSTED_PROXIES) are believed: the client
// is the rightmost address of the chain that is not a trusted proxy, the chain being
// X-Forwarded-For's addresses followed by the connection's own. Without trusted proxies the
// header is not read at all.
//
// Pure (node:net only): scripts/serve.mjs loads it before it listens.
import { BlockList, isIP } from "node:net";
import { type Env, InvalidSettingError, listSetting } from "../settings/read-env";

export interface TrustedProxies {
  /** Whether `address` (IPv4 or IPv6) is a trusted proxy. */
  has(address: string): boolean;
  /** Whether any is configured: without one, X-Forwarded-For is ignored. */
  readonly any: boolean;
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:203.0.113.7`), else the address. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * Parses TRUSTED_PROXIES' entries: addresses or CIDR ranges, IPv4 or IPv6 (`10.0.0.0/8`,
 * `127.0.0.1`, `fd00::/8`); answers the first entry that is neither as invalid.
 */
export function parseTrustedProxies(
  entries: readonly string[],
): { proxies: TrustedProxies } | { invalid: string } {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.trim().split("/");
    const family = isIP(plain(address));
    if (family === 0 || extra !== undefined) return { invalid: entry };
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(plain(address), type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return { invalid: entry };
    list.addSubnet(plain(address), bits, type);
  }
  const any = entries.length > 0;
  return {
    proxies: {
      any,
      has(address) {
        const bare = plain(address);
        const family = isIP(bare);
        return family !== 0 && list.check(bare, family === 4 ? "ipv4" : "ipv6");
      },
    },
  };
}

/**
 * The client's address: the connection's, or with trusted proxies the rightmost address of
 * X-Forwarded-For + the connection's that is not a trusted proxy. A malformed entry ends the
 * walk: what is left of it cannot be believed, so the hop after it counts as the client.
 */
export function clientAddress(
  remoteAddress: string,
  forwardedFor: string | readonly string[] | undefined,
  trusted: TrustedProxies,
): string {
  const connection = plain(remoteAddress);
  if (!trusted.any || !trusted.has(connection) || forwardedFor === undefined) return connection;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : String(forwardedFor))
    .split(",")
    .map((hop) => plain(hop.trim()));
  let client = connection;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (isIP(hop) === 0) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

/** TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in front. */
export function trustedProxiesFromEnv(env: Env = process.env): TrustedProxies {
  const parsed = parseTrustedProxies(listSetting(env, "TRUSTED_PROXIES"));
  if ("invalid" in parsed) {
    throw new InvalidSettingError(
      "TRUSTED_PROXIES",
      "comma-separated IP addresses or CIDR ranges of your reverse proxies (e.g. 127.0.0.1,10.0.0.0/8)",
      parsed.invalid,
    );
  }
  return parsed.proxies;
}
