import { describe, expect, it } from "vitest";
import {
  ALLOW_PRIVATE_TARGETS_HINT,
  ipv6Words,
  type NonPublicAddress,
  nonPublicAddress,
  targetRefusal,
} from "./target-address";

// Each row: an address as a resolver (or a URL's IP literal) gives it, and what the rule calls
// it; null is a public address the sender may connect to. Edges of each range are included, on
// both sides.
const ipv4: [string, NonPublicAddress | null][] = [
  ["0.0.0.0", { kind: "unspecified", range: "0.0.0.0/8" }],
  ["0.255.255.255", { kind: "unspecified", range: "0.0.0.0/8" }],
  ["10.0.0.1", { kind: "private", range: "10.0.0.0/8" }],
  ["10.255.255.255", { kind: "private", range: "10.0.0.0/8" }],
  ["100.64.0.1", { kind: "shared (CGNAT)", range: "100.64.0.0/10" }],
  ["100.127.255.255", { kind: "shared (CGNAT)", range: "100.64.0.0/10" }],
  ["100.100.100.200", { kind: "cloud metadata", range: "100.100.100.200/32" }],
  ["127.0.0.1", { kind: "loopback", range: "127.0.0.0/8" }],
  ["127.0.1.1", { kind: "loopback", range: "127.0.0.0/8" }],
  ["127.255.255.254", { kind: "loopback", range: "127.0.0.0/8" }],
  ["169.254.0.1", { kind: "link-local", range: "169.254.0.0/16" }],
  ["169.254.169.254", { kind: "cloud metadata", range: "169.254.169.254/32" }],
  ["169.254.170.2", { kind: "cloud metadata", range: "169.254.170.2/32" }],
  ["169.254.255.255", { kind: "link-local", range: "169.254.0.0/16" }],
  ["172.16.0.1", { kind: "private", range: "172.16.0.0/12" }],
  ["172.31.255.255", { kind: "private", range: "172.16.0.0/12" }],
  ["192.0.0.1", { kind: "reserved", range: "192.0.0.0/24" }],
  ["192.0.0.255", { kind: "reserved", range: "192.0.0.0/24" }],
  ["192.0.2.1", { kind: "documentation", range: "192.0.2.0/24" }],
  ["192.168.0.1", { kind: "private", range: "192.168.0.0/16" }],
  ["192.168.255.255", { kind: "private", range: "192.168.0.0/16" }],
  ["198.18.0.1", { kind: "benchmarking", range: "198.18.0.0/15" }],
  ["198.19.255.255", { kind: "benchmarking", range: "198.18.0.0/15" }],
  ["198.51.100.7", { kind: "documentation", range: "198.51.100.0/24" }],
  ["203.0.113.9", { kind: "documentation", range: "203.0.113.0/24" }],
  ["224.0.0.1", { kind: "multicast", range: "224.0.0.0/4" }],
  ["239.255.255.250", { kind: "multicast", range: "224.0.0.0/4" }],
  ["240.0.0.1", { kind: "reserved", range: "240.0.0.0/4" }],
  ["255.255.255.254", { kind: "reserved", range: "240.0.0.0/4" }],
  ["255.255.255.255", { kind: "broadcast", range: "255.255.255.255/32" }],
  // Public, including the first address past each refused range.
  ["1.1.1.1", null],
  ["8.8.8.8", null],
  ["1.0.0.0", null],
  ["11.0.0.0", null],
  ["100.63.255.255", null],
  ["100.128.0.0", null],
  ["126.255.255.255", null],
  ["128.0.0.0", null],
  ["169.253.255.255", null],
  ["169.255.0.0", null],
  ["172.15.255.255", null],
  ["172.32.0.0", null],
  ["192.0.1.0", null],
  ["192.0.3.0", null],
  ["192.167.255.255", null],
  ["192.169.0.0", null],
  ["198.17.255.255", null],
  ["198.20.0.0", null],
  ["223.255.255.255", null],
];

const ipv6: [string, NonPublicAddress | null][] = [
  ["::", { kind: "unspecified", range: "::/128" }],
  ["::1", { kind: "loopback", range: "::1/128" }],
  ["0:0:0:0:0:0:0:1", { kind: "loopback", range: "::1/128" }],
  // IPv4-compatible (deprecated): refused whatever the IPv4 part.
  ["::7f00:1", { kind: "reserved", range: "::/96" }],
  ["::8.8.8.8", { kind: "reserved", range: "::/96" }],
  ["fc00::1", { kind: "private", range: "fc00::/7" }],
  ["fd12:3456:789a::1", { kind: "private", range: "fc00::/7" }],
  ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", { kind: "private", range: "fc00::/7" }],
  ["fd00:ec2::254", { kind: "cloud metadata", range: "fd00:ec2::254/128" }],
  ["fd00:ec2::253", { kind: "private", range: "fc00::/7" }],
  ["fe80::1", { kind: "link-local", range: "fe80::/10" }],
  ["fe80::1%eth0", { kind: "link-local", range: "fe80::/10" }],
  ["FE80::ABCD", { kind: "link-local", range: "fe80::/10" }],
  ["febf:ffff::1", { kind: "link-local", range: "fe80::/10" }],
  ["fec0::1", { kind: "private", range: "fec0::/10" }],
  ["ff02::1", { kind: "multicast", range: "ff00::/8" }],
  ["ff05::1:3", { kind: "multicast", range: "ff00::/8" }],
  ["100::1", { kind: "reserved", range: "100::/64" }],
  ["64:ff9b:1::a00:1", { kind: "private", range: "64:ff9b:1::/48" }],
  ["2001:2::1", { kind: "benchmarking", range: "2001:2::/48" }],
  ["2001:db8::1", { kind: "documentation", range: "2001:db8::/32" }],
  ["2001:db8:ffff:ffff::1", { kind: "documentation", range: "2001:db8::/32" }],
  ["3fff::1", { kind: "documentation", range: "3fff::/20" }],
  // Outside global unicast (2000::/3) everything else is unassigned, e.g. SIIT's ::ffff:0:0:0/96.
  ["::ffff:0:7f00:1", { kind: "reserved", range: "outside 2000::/3" }],
  ["1::1", { kind: "reserved", range: "outside 2000::/3" }],
  ["4000::1", { kind: "reserved", range: "outside 2000::/3" }],
  ["e000::1", { kind: "reserved", range: "outside 2000::/3" }],
  // Public.
  ["2001:4860:4860::8888", null],
  ["2606:4700:4700::1111", null],
  ["2a00:1450:4001:82a::200e", null],
  ["2001:db9::1", null],
  ["3fff:1000::1", null],
];

const loopback = (carriedAs: string, ipv4 = "127.0.0.1") => ({
  kind: "loopback",
  range: "127.0.0.0/8",
  ipv4,
  carriedAs,
});

// IPv6 addresses that lead to an IPv4 one are judged by it, in every spelling.
const carried: [string, object | null][] = [
  ["::ffff:127.0.0.1", loopback("IPv4-mapped")],
  ["::ffff:7f00:1", loopback("IPv4-mapped")],
  ["::FFFF:7F00:0001", loopback("IPv4-mapped")],
  ["0:0:0:0:0:ffff:7f00:1", loopback("IPv4-mapped")],
  ["0000:0000:0000:0000:0000:ffff:127.0.0.1", loopback("IPv4-mapped")],
  ["::ffff:127.1.2.3", loopback("IPv4-mapped", "127.1.2.3")],
  [
    "::ffff:0.0.0.0",
    { kind: "unspecified", range: "0.0.0.0/8", ipv4: "0.0.0.0", carriedAs: "IPv4-mapped" },
  ],
  [
    "::ffff:10.0.0.1",
    { kind: "private", range: "10.0.0.0/8", ipv4: "10.0.0.1", carriedAs: "IPv4-mapped" },
  ],
  [
    "::ffff:a9fe:a9fe",
    {
      kind: "cloud metadata",
      range: "169.254.169.254/32",
      ipv4: "169.254.169.254",
      carriedAs: "IPv4-mapped",
    },
  ],
  [
    "::ffff:192.168.1.1",
    { kind: "private", range: "192.168.0.0/16", ipv4: "192.168.1.1", carriedAs: "IPv4-mapped" },
  ],
  ["::ffff:8.8.8.8", null],
  ["::ffff:808:808", null],
  ["64:ff9b::7f00:1", loopback("NAT64")],
  ["64:ff9b::127.0.0.1", loopback("NAT64")],
  [
    "64:ff9b::a00:1",
    { kind: "private", range: "10.0.0.0/8", ipv4: "10.0.0.1", carriedAs: "NAT64" },
  ],
  [
    "64:ff9b::169.254.169.254",
    {
      kind: "cloud metadata",
      range: "169.254.169.254/32",
      ipv4: "169.254.169.254",
      carriedAs: "NAT64",
    },
  ],
  ["64:ff9b::808:808", null],
  ["2002:7f00:1::1", loopback("6to4")],
  [
    "2002:a9fe:a9fe::",
    {
      kind: "cloud metadata",
      range: "169.254.169.254/32",
      ipv4: "169.254.169.254",
      carriedAs: "6to4",
    },
  ],
  [
    "2002:c0a8:101::1",
    { kind: "private", range: "192.168.0.0/16", ipv4: "192.168.1.1", carriedAs: "6to4" },
  ],
  ["2002:808:808::1", null],
];

describe("nonPublicAddress", () => {
  it.each(ipv4)("IPv4 %s → %o", (address, expected) => {
    expect(nonPublicAddress(address)).toEqual(expected);
  });

  it.each(ipv6)("IPv6 %s → %o", (address, expected) => {
    expect(nonPublicAddress(address)).toEqual(expected);
  });

  it.each(carried)("IPv6 carrying IPv4: %s → %o", (address, expected) => {
    expect(nonPublicAddress(address)).toEqual(expected);
  });

  // A resolver gives canonical addresses; anything else is a caller's bug, not a public address.
  it.each([
    "127.1",
    "2130706433",
    "0x7f000001",
    "0x7f.0.0.1",
    "017700000001",
    "127.0.0.01",
    "localhost",
    "[::1]",
    "",
  ])("throws on %j, which is not an IP address", (text) => {
    expect(() => nonPublicAddress(text)).toThrow(TypeError);
  });
});

describe("targetRefusal", () => {
  const hint = `; ${ALLOW_PRIVATE_TARGETS_HINT}`;

  it.each([
    ["10.0.0.1", "10.0.0.1", "10.0.0.1 is a private address (10.0.0.0/8)"],
    ["0.0.0.0", "0.0.0.0", "0.0.0.0 is an unspecified address (0.0.0.0/8)"],
    [
      "169.254.169.254",
      "169.254.169.254",
      "169.254.169.254 is a cloud metadata address (169.254.169.254/32)",
    ],
    ["fe80::1", "fe80::1", "fe80::1 is a link-local address (fe80::/10)"],
    [
      "::ffff:7f00:1",
      "::ffff:7f00:1",
      "::ffff:7f00:1 is a loopback address (127.0.0.1 in 127.0.0.0/8, IPv4-mapped)",
    ],
    ["bot.test", "127.0.0.1", "bot.test resolved to 127.0.0.1, a loopback address (127.0.0.0/8)"],
    ["localhost", "127.0.0.1", "localhost resolved to 127.0.0.1, a loopback address (127.0.0.0/8)"],
    [
      "rebind.example",
      "64:ff9b::a9fe:a9fe",
      "rebind.example resolved to 64:ff9b::a9fe:a9fe, a cloud metadata address (169.254.169.254 in 169.254.169.254/32, NAT64)",
    ],
  ])("%s → %s: says what it is and how to allow it", (host, address, text) => {
    expect(targetRefusal(host, address)).toBe(`refused: ${text}${hint}`);
  });

  it("refuses what is not an IP address, since connecting would resolve it again", () => {
    expect(targetRefusal("odd.test", "127.1")).toBe(
      'refused: odd.test resolved to "127.1", which is not an IP address',
    );
  });

  it.each([
    ["example.com", "93.184.216.34"],
    ["8.8.8.8", "8.8.8.8"],
    ["example.com", "2606:2800:220:1:248:1893:25c8:1946"],
    ["nat64.example", "64:ff9b::808:808"],
  ])("lets %s → %s through", (host, address) => {
    expect(targetRefusal(host, address)).toBeNull();
  });
});

describe("ipv6Words", () => {
  it.each([
    ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["fe80::", [0xfe80, 0, 0, 0, 0, 0, 0, 0]],
    ["2001:db8::8:800:200c:417a", [0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a]],
    ["1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]],
    ["::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ["64:ff9b::192.0.2.33", [0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x221]],
  ])("%s → %o", (address, words) => {
    expect(ipv6Words(address)).toEqual(words);
  });
});
