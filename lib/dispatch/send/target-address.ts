// Which addresses a webhook may be sent to. Whoever configures a channel chooses its URL, and the
// console sends from inside its own network: without this rule a URL, or a DNS answer, could make
// it POST to the machine itself, the private network around it or a cloud metadata service. The
// sender applies it to the address it is about to connect to, after name resolution
// (open-connection.ts), unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true; docs/adr/0011-ssrf-guard.md
// says why there.
// Pure: no I/O, no settings.
import { BlockList, isIP } from "node:net";

/** What a non-public address is, in words that fit "a … address". */
export type NonPublicKind =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared (CGNAT)"
  | "link-local"
  | "cloud metadata"
  | "documentation"
  | "benchmarking"
  | "multicast"
  | "broadcast"
  | "reserved";

export interface NonPublicAddress {
  kind: NonPublicKind;
  /** The range the address (or the IPv4 address inside it) lies in, e.g. "10.0.0.0/8". */
  range: string;
  /** For an IPv6 address that carries an IPv4 one: the IPv4 address, which is what counts. */
  ipv4?: string;
  /** How it carries it. */
  carriedAs?: "IPv4-mapped" | "NAT64" | "6to4";
}

type Rule = readonly [range: string, kind: NonPublicKind];

// First match wins, so single addresses come before the ranges that contain them. Sources: the
// IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890), plus the well-known metadata
// addresses of cloud providers, which the ranges refuse anyway but deserve their own name.
const IPV4_RULES: readonly Rule[] = [
  ["169.254.169.254/32", "cloud metadata"], // AWS, Google Cloud, Azure, OpenStack, Oracle...
  ["169.254.170.2/32", "cloud metadata"], // AWS ECS task metadata
  ["100.100.100.200/32", "cloud metadata"], // Alibaba Cloud
  ["0.0.0.0/8", "unspecified"], // "this host on this network"; Linux connects 0.0.0.0 to itself
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "shared (CGNAT)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"], // IETF protocol assignments
  ["192.0.2.0/24", "documentation"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
];

const IPV6_RULES: readonly Rule[] = [
  ["fd00:ec2::254/128", "cloud metadata"], // AWS, over IPv6
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::/96", "reserved"], // IPv4-compatible addresses, deprecated
  ["64:ff9b:1::/48", "private"], // local-use NAT64
  ["100::/64", "reserved"], // discard-only
  ["2001:2::/48", "benchmarking"],
  ["2001:db8::/32", "documentation"],
  ["3fff::/20", "documentation"],
  ["fc00::/7", "private"], // unique local
  ["fe80::/10", "link-local"],
  ["fec0::/10", "private"], // site-local, deprecated
  ["ff00::/8", "multicast"],
];

/** IPv6 ranges whose addresses carry an IPv4 address in the given 16-bit words. */
const CARRIERS = [
  { range: "::ffff:0:0/96", carriedAs: "IPv4-mapped", words: [6, 7] },
  { range: "64:ff9b::/96", carriedAs: "NAT64", words: [6, 7] },
  { range: "2002::/16", carriedAs: "6to4", words: [1, 2] },
] as const;

/** Global unicast; every other IPv6 address not matched above is unassigned, so reserved. */
const GLOBAL_UNICAST = "2000::/3";
const OUTSIDE_GLOBAL_UNICAST = `outside ${GLOBAL_UNICAST}`;

function blockList(range: string, type: "ipv4" | "ipv6"): BlockList {
  const [network = "", prefix = ""] = range.split("/");
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), type);
  return list;
}

// One BlockList per range, each asked only about addresses of its own family. (A BlockList also
// matches an IPv4-mapped IPv6 address against IPv4 ranges, and an IPv4 address against IPv6
// ranges as if it were mapped; NAT64 and 6to4 it does not know. The carried IPv4 address is
// therefore taken out here, for all three, and judged as IPv4.)
const ipv4Rules = IPV4_RULES.map(([range, kind]) => ({
  range,
  kind,
  list: blockList(range, "ipv4"),
}));
const ipv6Rules = IPV6_RULES.map(([range, kind]) => ({
  range,
  kind,
  list: blockList(range, "ipv6"),
}));
const carriers = CARRIERS.map((carrier) => ({
  ...carrier,
  list: blockList(carrier.range, "ipv6"),
}));
const globalUnicast = blockList(GLOBAL_UNICAST, "ipv6");

/** The eight 16-bit words of a valid IPv6 address without a zone. */
export function ipv6Words(address: string): number[] {
  // A trailing dotted quad (`::ffff:127.0.0.1`) is the last two words: rewrite it in hex.
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)]
      .map((word) => word.toString(16))
      .join(":"),
  );
  const words = (part: string) => (part ? part.split(":").map((word) => parseInt(word, 16)) : []);
  const [head = "", tail] = text.split("::");
  if (tail === undefined) return words(head);
  const [before, after] = [words(head), words(tail)];
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

function ipv4FromWords(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function matchIpv4(address: string): NonPublicAddress | null {
  const rule = ipv4Rules.find(({ list }) => list.check(address, "ipv4"));
  return rule ? { kind: rule.kind, range: rule.range } : null;
}

/**
 * What kind of non-public address `address` is, or null for a public one. `address` must be an
 * IP address as `net.isIP` accepts it (an IPv6 zone, `%eth0`, is ignored); anything else throws.
 * An IPv6 address that carries an IPv4 one (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`,
 * 6to4 `2002::/16`) is judged by that IPv4 address, since that is where it leads.
 */
export function nonPublicAddress(address: string): NonPublicAddress | null {
  const family = isIP(address);
  if (family === 4) return matchIpv4(address);
  if (family !== 6) throw new TypeError(`not an IP address: ${JSON.stringify(address)}`);
  const bare = address.split("%")[0] ?? address;
  const carrier = carriers.find(({ list }) => list.check(bare, "ipv6"));
  if (carrier) {
    const words = ipv6Words(bare);
    const [high = 0, low = 0] = carrier.words.map((index) => words[index] ?? 0);
    const ipv4 = ipv4FromWords(high, low);
    const found = matchIpv4(ipv4);
    return found ? { ...found, ipv4, carriedAs: carrier.carriedAs } : null;
  }
  const rule = ipv6Rules.find(({ list }) => list.check(bare, "ipv6"));
  if (rule) return { kind: rule.kind, range: rule.range };
  return globalUnicast.check(bare, "ipv6")
    ? null
    : { kind: "reserved", range: OUTSIDE_GLOBAL_UNICAST };
}

/** The setting that turns the rule off, as every refusal names it. */
export const ALLOW_PRIVATE_TARGETS_HINT = "WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it";

/**
 * Why a webhook for `host` must not be sent to `address` (what `host` resolved to; the same
 * text for an IP literal), or null when it may. Used as the error of the recorded attempt:
 * `refused: 10.0.0.1 is a private address (10.0.0.0/8); WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it`.
 */
export function targetRefusal(host: string, address: string): string | null {
  // Not an address: connecting would resolve it once more, to anything.
  if (!isIP(address)) {
    return `refused: ${host} resolved to ${JSON.stringify(address)}, which is not an IP address`;
  }
  const found = nonPublicAddress(address);
  if (!found) return null;
  const article = /^[aeiou]/.test(found.kind) ? "an" : "a";
  const where = found.ipv4 ? `${found.ipv4} in ${found.range}, ${found.carriedAs}` : found.range;
  const what = `${article} ${found.kind} address (${where})`;
  const subject =
    host === address ? `${address} is ${what}` : `${host} resolved to ${address}, ${what}`;
  return `refused: ${subject}; ${ALLOW_PRIVATE_TARGETS_HINT}`;
}
