import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, trustedProxiesFromEnv } from "./client-address";

function trusted(...entries: string[]) {
  const parsed = parseTrustedProxies(entries);
  if ("invalid" in parsed) throw new Error(`invalid: ${parsed.invalid}`);
  return parsed.proxies;
}

describe("the client's address for the sign-in limits", () => {
  it("is the connection's when no proxy is trusted: X-Forwarded-For is not read", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", trusted())).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", undefined, trusted())).toBe("203.0.113.7");
  });

  it("is the connection's when it does not come from a trusted proxy, whatever it forwards", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", trusted("10.0.0.0/8"))).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, is the address it forwarded", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", trusted("127.0.0.1"))).toBe("198.51.100.1");
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.1", trusted("127.0.0.1"))).toBe(
      "198.51.100.1",
    );
  });

  it("is the rightmost untrusted hop: what a client writes to the left of it is not believed", () => {
    const proxies = trusted("10.0.0.0/8", "127.0.0.1");
    // The client claimed 192.0.2.99; the first proxy saw 198.51.100.1; a second proxy 10.1.2.3.
    expect(clientAddress("127.0.0.1", "192.0.2.99, 198.51.100.1, 10.1.2.3", proxies)).toBe(
      "198.51.100.1",
    );
    // Several headers are one list.
    expect(clientAddress("127.0.0.1", ["192.0.2.99", "198.51.100.1, 10.1.2.3"], proxies)).toBe(
      "198.51.100.1",
    );
  });

  it("stops at a malformed hop: the hop after it is the client", () => {
    const proxies = trusted("10.0.0.0/8", "127.0.0.1");
    expect(clientAddress("127.0.0.1", "198.51.100.1, not-an-address, 10.1.2.3", proxies)).toBe(
      "10.1.2.3",
    );
    expect(clientAddress("127.0.0.1", "", proxies)).toBe("127.0.0.1");
  });

  it("is the leftmost hop when every hop is a trusted proxy", () => {
    expect(
      clientAddress("127.0.0.1", "10.0.0.5, 10.0.0.6", trusted("10.0.0.0/8", "127.0.0.1")),
    ).toBe("10.0.0.5");
  });

  it("knows IPv6 proxies and ranges", () => {
    expect(clientAddress("fd00::1", "2001:db8::7", trusted("fd00::/8"))).toBe("2001:db8::7");
    expect(clientAddress("fe80::1", "2001:db8::7", trusted("fd00::/8"))).toBe("fe80::1");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR ranges, IPv4 and IPv6", () => {
    const proxies = trustedProxiesFromEnv({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8,fd00::/8" });
    expect(proxies.any).toBe(true);
    expect(proxies.has("10.200.0.1")).toBe(true);
    expect(proxies.has("11.0.0.1")).toBe(false);
    expect(proxies.has("fd12::3")).toBe(true);
    expect(trustedProxiesFromEnv({}).any).toBe(false);
  });

  it.each(["proxy.example", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129", "10.0.0.0/x"])(
    "refuses %s, naming the variable",
    (value) => {
      expect(() => trustedProxiesFromEnv({ TRUSTED_PROXIES: value })).toThrow(/^TRUSTED_PROXIES/);
    },
  );
});
