import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type HostResolver = (host: string) => Promise<ResolvedAddress>;

export interface ResolverOptions {
  /** DNS servers ("127.0.0.1:5353"); empty: the system resolver (getaddrinfo, /etc/hosts). */
  servers: string[];
  timeoutMs: number;
}

/**
 * Name resolution for webhook hosts. With `servers`, queries go straight to them (A, then AAAA),
 * so a test or an operator can put their own DNS in front; otherwise the system resolver is used.
 * Either way a resolution slower than `timeoutMs` is a DNS timeout.
 */
export function createHostResolver({ servers, timeoutMs }: ResolverOptions): HostResolver {
  const lookup = servers.length ? viaServers(servers, timeoutMs) : viaSystem;
  return async (host) => {
    const family = isIP(host);
    if (family === 4 || family === 6) return { address: host, family };
    // RFC 6761: localhost names are loopback whatever a DNS server says.
    if (host === "localhost" || host.endsWith(".localhost"))
      return { address: "127.0.0.1", family: 4 };
    return withTimeout(lookup(host), timeoutMs);
  };
}

async function viaSystem(host: string): Promise<ResolvedAddress> {
  const { address, family } = await dns.lookup(host);
  return { address, family: family === 6 ? 6 : 4 };
}

function viaServers(servers: string[], timeoutMs: number) {
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers(servers);
  return async (host: string): Promise<ResolvedAddress> => {
    try {
      const [address] = await resolver.resolve4(host);
      if (address) return { address, family: 4 };
    } catch (error) {
      if ((error as { code?: string }).code !== "ENODATA") throw error;
    }
    const [address] = await resolver.resolve6(host);
    if (!address) throw codedError("ENODATA", `no address for ${host}`);
    return { address, family: 6 };
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(codedError(SenderCodes.dnsTimeout, `no DNS answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
