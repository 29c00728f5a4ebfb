// The SSRF guard in the sender, with WEBHOOK_ALLOW_PRIVATE_TARGETS off (the default). Loopback
// targets, in every spelling a URL allows and as a host name a local DNS server resolves to
// 127.0.0.1, are refused before any connection is made: a real listener on 127.0.0.1 proves it
// by accepting none, where the same URLs with the allowance on do reach it. Addresses that are
// not this machine's (10.0.0.1, 169.254.169.254, [fe80::1] ...) are never tried: the sender must
// refuse them before it calls net.connect, and that call is replaced by one that throws, so that
// even a broken guard sends nothing to them.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type DnsServer,
  type HttpBot,
  type LocalPki,
  mintLocalPki,
  startDnsServer,
  startHttpBot,
} from "../../dev/testing/fault-lab";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch-settings";
import { ConnectionPool } from "./connection-pool";
import { type SendOptions, type SendResult, sendWebhook } from "./send-webhook";
import { ALLOW_PRIVATE_TARGETS_HINT } from "./target-address";
import { buildWebhookRequest } from "./webhook-request";

const webhook = buildWebhookRequest({
  channelSecret: "0123456789abcdef0123456789abcdef",
  destination: `U${"a".repeat(32)}`,
  events: [],
  isRedelivery: false,
});

let pki: LocalPki;
let bot: HttpBot;
let dns: DnsServer;
/** The guard as a production server has it: no WEBHOOK_ALLOW_PRIVATE_TARGETS. */
let guarded: SendOptions;
/** The same, with the allowance: the control that shows the listener is reachable. */
let allowing: SendOptions;

beforeAll(async () => {
  pki = await mintLocalPki();
  bot = await startHttpBot({ kind: "status", status: 200 });
  dns = await startDnsServer({
    mode: "answer",
    records: {
      "bot.test": "127.0.0.1",
      "metadata.test": "169.254.169.254",
      "intranet.test": "10.0.0.1",
    },
  });
  const env = {
    WEBHOOK_DNS_SERVERS: dns.server,
    WEBHOOK_DNS_TIMEOUT_MS: "1000",
    WEBHOOK_CONNECT_TIMEOUT_MS: "1000",
    WEBHOOK_TIMEOUT_MS: "1000",
    WEBHOOK_EXTRA_CA_FILE: pki.ca.caFile,
  };
  guarded = sendOptionsFrom(dispatchSettingsFromEnv(env));
  allowing = sendOptionsFrom(
    dispatchSettingsFromEnv({ ...env, WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" }),
  );
});
afterAll(async () => {
  await bot.close();
  await dns.close();
  await pki.cleanup();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function expectRefused(result: SendResult, refusal: string) {
  expect(result, JSON.stringify(result)).toMatchObject({
    ok: false,
    reason: "could_not_connect",
    detail: "Connection failed",
    status: 0,
    protocol: null,
    error: `WEBHOOK_PRIVATE_TARGET: refused: ${refusal}; ${ALLOW_PRIVATE_TARGETS_HINT}`,
  });
}

const LOOPBACK = "a loopback address (127.0.0.0/8)";

// [URL (PORT: the listener's), what the refusal says]. Each of these leads to this machine.
const loopbackTargets: [string, string][] = [
  ["http://127.0.0.1:PORT/webhook", `127.0.0.1 is ${LOOPBACK}`],
  // Odd IPv4 spellings: URL parsing turns each into 127.0.0.1 (the URL rule refuses them before
  // they are stored, but Verify and the sender must not depend on that).
  ["http://127.1:PORT/", `127.0.0.1 is ${LOOPBACK}`],
  ["http://2130706433:PORT/", `127.0.0.1 is ${LOOPBACK}`],
  ["http://0x7f000001:PORT/", `127.0.0.1 is ${LOOPBACK}`],
  ["http://0x7f.0.0.1:PORT/", `127.0.0.1 is ${LOOPBACK}`],
  ["http://0177.0.0.1:PORT/", `127.0.0.1 is ${LOOPBACK}`],
  ["http://127.0.0.1.:PORT/", `127.0.0.1 is ${LOOPBACK}`],
  ["https://127.0.0.1:PORT/webhook", `127.0.0.1 is ${LOOPBACK}`],
  // Linux connects 0.0.0.0 to the machine itself.
  ["http://0.0.0.0:PORT/", "0.0.0.0 is an unspecified address (0.0.0.0/8)"],
  ["http://localhost:PORT/", `localhost resolved to 127.0.0.1, ${LOOPBACK}`],
  ["http://LocalHost:PORT/", `localhost resolved to 127.0.0.1, ${LOOPBACK}`],
  ["http://api.localhost:PORT/", `api.localhost resolved to 127.0.0.1, ${LOOPBACK}`],
  ["http://[::1]:PORT/", "::1 is a loopback address (::1/128)"],
  ["http://[0:0:0:0:0:0:0:1]:PORT/", "::1 is a loopback address (::1/128)"],
  [
    "http://[::ffff:127.0.0.1]:PORT/",
    "::ffff:7f00:1 is a loopback address (127.0.0.1 in 127.0.0.0/8, IPv4-mapped)",
  ],
  [
    "http://[::ffff:7f00:1]:PORT/",
    "::ffff:7f00:1 is a loopback address (127.0.0.1 in 127.0.0.0/8, IPv4-mapped)",
  ],
  // A host name whose DNS answer is 127.0.0.1: what counts is the resolved address.
  ["http://bot.test:PORT/webhook", `bot.test resolved to 127.0.0.1, ${LOOPBACK}`],
  ["https://bot.test:PORT/webhook", `bot.test resolved to 127.0.0.1, ${LOOPBACK}`],
];

// Addresses elsewhere. None may ever be contacted from a test, so net.connect throws here.
const elsewhere: [string, string][] = [
  ["http://10.0.0.1/webhook", "10.0.0.1 is a private address (10.0.0.0/8)"],
  ["http://10.1/", "10.0.0.1 is a private address (10.0.0.0/8)"],
  ["http://167772161/", "10.0.0.1 is a private address (10.0.0.0/8)"],
  ["https://172.16.5.4:8443/", "172.16.5.4 is a private address (172.16.0.0/12)"],
  ["https://192.168.1.1/", "192.168.1.1 is a private address (192.168.0.0/16)"],
  ["https://100.64.0.1/", "100.64.0.1 is a shared (CGNAT) address (100.64.0.0/10)"],
  [
    "http://169.254.169.254/latest/meta-data/",
    "169.254.169.254 is a cloud metadata address (169.254.169.254/32)",
  ],
  ["http://0xa9fea9fe/", "169.254.169.254 is a cloud metadata address (169.254.169.254/32)"],
  ["http://169.254.1.1/", "169.254.1.1 is a link-local address (169.254.0.0/16)"],
  ["https://192.0.0.8/", "192.0.0.8 is a reserved address (192.0.0.0/24)"],
  ["https://198.18.0.1/", "198.18.0.1 is a benchmarking address (198.18.0.0/15)"],
  ["https://224.0.0.1/", "224.0.0.1 is a multicast address (224.0.0.0/4)"],
  ["https://240.0.0.1/", "240.0.0.1 is a reserved address (240.0.0.0/4)"],
  ["https://255.255.255.255/", "255.255.255.255 is a broadcast address (255.255.255.255/32)"],
  ["https://[fe80::1]/", "fe80::1 is a link-local address (fe80::/10)"],
  ["https://[fc00::1]/", "fc00::1 is a private address (fc00::/7)"],
  ["http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address (fd00:ec2::254/128)"],
  ["https://[ff02::1]/", "ff02::1 is a multicast address (ff00::/8)"],
  ["https://[2001:db8::1]/", "2001:db8::1 is a documentation address (2001:db8::/32)"],
  [
    "https://[::ffff:10.0.0.1]/",
    "::ffff:a00:1 is a private address (10.0.0.1 in 10.0.0.0/8, IPv4-mapped)",
  ],
  [
    "http://[::ffff:a9fe:a9fe]/",
    "::ffff:a9fe:a9fe is a cloud metadata address (169.254.169.254 in 169.254.169.254/32, IPv4-mapped)",
  ],
  [
    "https://[64:ff9b::a9fe:a9fe]/",
    "64:ff9b::a9fe:a9fe is a cloud metadata address (169.254.169.254 in 169.254.169.254/32, NAT64)",
  ],
  [
    "https://metadata.test/",
    "metadata.test resolved to 169.254.169.254, a cloud metadata address (169.254.169.254/32)",
  ],
  [
    "https://intranet.test/webhook",
    "intranet.test resolved to 10.0.0.1, a private address (10.0.0.0/8)",
  ],
];

const withPort = (url: string) => url.replace("PORT", String(bot.port));

describe("the SSRF guard (WEBHOOK_ALLOW_PRIVATE_TARGETS off)", () => {
  it.each(loopbackTargets)("refuses %s; the listener sees no connection", async (url, refusal) => {
    const connect = vi.spyOn(net, "connect");
    const before = bot.connections;
    expectRefused(await sendWebhook(withPort(url), webhook, guarded), refusal);
    expect(connect).not.toHaveBeenCalled();
    expect(bot.connections).toBe(before);
    expect(bot.requests).toHaveLength(0);
  });

  it("refuses through a connection pool too, for every new connection", async () => {
    const pool = new ConnectionPool(guarded);
    const before = bot.connections;
    try {
      const pooled = { ...guarded, pool };
      for (const url of ["http://127.0.0.1:PORT/", "https://bot.test:PORT/"]) {
        for (let i = 0; i < 2; i++) {
          const result = await sendWebhook(withPort(url), webhook, pooled);
          expect(result).toMatchObject({ ok: false, detail: "Connection failed" });
        }
      }
    } finally {
      pool.close();
    }
    expect(bot.connections).toBe(before);
  });

  it.each(elsewhere)("refuses %s before trying to connect", async (url, refusal) => {
    const connect = vi.spyOn(net, "connect").mockImplementation(() => {
      throw new Error("the test forbids connecting anywhere but 127.0.0.1");
    });
    expectRefused(await sendWebhook(url, webhook, guarded), refusal);
    expect(connect).not.toHaveBeenCalled();
  });
});

// The control: the same listener, reached by the same spellings, once the allowance is on. (The
// IPv6 ones are left out: whether ::ffff:127.0.0.1 reaches a 127.0.0.1 listener depends on the
// machine's IPv6 setup.) Runs last, so the counts above were taken on an untouched listener.
describe("with WEBHOOK_ALLOW_PRIVATE_TARGETS=true", () => {
  it.each(loopbackTargets.filter(([url]) => url.startsWith("http://") && !url.includes("[")))(
    "%s reaches the listener",
    async (url) => {
      const before = bot.connections;
      expect(await sendWebhook(withPort(url), webhook, allowing)).toMatchObject({
        ok: true,
        status: 200,
      });
      expect(bot.connections).toBe(before + 1);
    },
  );
});
