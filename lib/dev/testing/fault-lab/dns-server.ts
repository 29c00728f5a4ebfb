// A tiny UDP DNS server on 127.0.0.1 for name-resolution faults: every name is NXDOMAIN, no
// query is ever answered, or names from a map get A records. Hand-written packet handling for
// the one-question A/AAAA queries a stub resolver (c-ares, behind node:dns Resolver) sends.
//
//   const dns = await startDnsServer({ mode: "answer", records: { "bot.test": "127.0.0.1" } });
//   const resolver = new Resolver({ timeout: 300, tries: 1 });
//   resolver.setServers([dns.server]);
import dgram from "node:dgram";
import net from "node:net";
import { LOOPBACK } from "./internal";

export type DnsMode =
  /** Every query: RCODE 3 (NXDOMAIN), no answers. */
  | "nxdomain"
  /** Queries are read (and recorded) but never answered. */
  | "silent"
  /** Every query: RCODE 2 (SERVFAIL), no answers. */
  | "servfail"
  /**
   * A queries for names in `records` get that IPv4 address; AAAA (and any other type) for such
   * a name gets NOERROR with no answers; names not in `records` get NXDOMAIN.
   */
  | "answer";

export interface DnsServerOptions {
  mode?: DnsMode;
  /** Name (case-insensitive, trailing dot optional) → IPv4 address, for mode "answer". */
  records?: Record<string, string>;
  /** TTL of answers in seconds. Default 60. */
  ttl?: number;
}

export interface DnsQuery {
  name: string;
  /** "A", "AAAA", or the numeric type as a string. */
  type: string;
}

export interface DnsServer {
  /** "127.0.0.1:PORT", for Resolver.setServers(). */
  server: string;
  port: number;
  /** Every well-formed query received, answered or not. */
  queries: DnsQuery[];
  mode: DnsMode;
  setMode(mode: DnsMode): void;
  /** Adds or replaces records for mode "answer". */
  setRecords(records: Record<string, string>): void;
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_AAAA = 28;
const CLASS_IN = 1;
const RCODE_NOERROR = 0;
const RCODE_FORMERR = 1;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;
const RCODE_NOTIMP = 4;

const normalise = (name: string) => name.toLowerCase().replace(/\.$/, "");

export async function startDnsServer(options: DnsServerOptions = {}): Promise<DnsServer> {
  const socket = dgram.createSocket("udp4");
  const records = new Map<string, string>();
  const setRecords = (more: Record<string, string>) => {
    for (const [name, address] of Object.entries(more)) {
      if (!net.isIPv4(address)) throw new Error(`not an IPv4 address: ${address}`);
      records.set(normalise(name), address);
    }
  };
  setRecords(options.records ?? {});
  const ttl = options.ttl ?? 60;

  const dns: DnsServer = {
    server: "",
    port: 0,
    queries: [],
    mode: options.mode ?? "answer",
    setMode(mode) {
      dns.mode = mode;
    },
    setRecords,
    close: () => closeSocket(),
  };

  let closed: Promise<void> | undefined;
  const closeSocket = () => {
    closed ??= new Promise<void>((resolve) => {
      try {
        socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
    return closed;
  };

  socket.on("error", () => {});
  socket.on("message", (message, remote) => {
    const reply = answer(message);
    if (reply && !closed) socket.send(reply, remote.port, remote.address, () => {});
  });

  function answer(message: Buffer): Buffer | undefined {
    const query = parseQuery(message);
    if (!query) return undefined;
    if ("error" in query) return header(message, query.error, 0, 0);
    dns.queries.push({ name: query.name, type: typeName(query.type) });
    if (query.opcode !== 0) return respond(message, query, RCODE_NOTIMP);
    switch (dns.mode) {
      case "silent":
        return undefined;
      case "nxdomain":
        return respond(message, query, RCODE_NXDOMAIN);
      case "servfail":
        return respond(message, query, RCODE_SERVFAIL);
      case "answer": {
        const address = records.get(normalise(query.name));
        if (address === undefined) return respond(message, query, RCODE_NXDOMAIN);
        if (query.type !== TYPE_A || query.qclass !== CLASS_IN) {
          return respond(message, query, RCODE_NOERROR);
        }
        const rr = Buffer.alloc(16);
        rr.writeUInt16BE(0xc00c, 0); // name: pointer to the question's name at offset 12
        rr.writeUInt16BE(TYPE_A, 2);
        rr.writeUInt16BE(CLASS_IN, 4);
        rr.writeUInt32BE(ttl, 6);
        rr.writeUInt16BE(4, 10);
        address.split(".").forEach((octet, i) => {
          rr.writeUInt8(Number(octet), 12 + i);
        });
        return respond(message, query, RCODE_NOERROR, [rr]);
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, LOOPBACK, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  dns.port = socket.address().port;
  dns.server = `${LOOPBACK}:${dns.port}`;
  return dns;
}

interface ParsedQuery {
  opcode: number;
  name: string;
  type: number;
  qclass: number;
  /** Offset just past the question section. */
  questionEnd: number;
}

/** Parses a one-question query; undefined for packets not worth an answer (responses, junk). */
function parseQuery(message: Buffer): ParsedQuery | { error: number } | undefined {
  if (message.length < 12) return undefined;
  const flags = message.readUInt16BE(2);
  if (flags & 0x8000) return undefined; // a response, not a query
  const opcode = (flags >> 11) & 0x0f;
  if (message.readUInt16BE(4) !== 1) return { error: RCODE_FORMERR };
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = message[offset];
    if (length === undefined) return { error: RCODE_FORMERR };
    offset += 1;
    if (length === 0) break;
    // Queries carry no compression pointers; a length over 63 is a pointer or junk.
    if (length > 63 || offset + length > message.length) return { error: RCODE_FORMERR };
    labels.push(message.toString("latin1", offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) return { error: RCODE_FORMERR };
  return {
    opcode,
    name: labels.join("."),
    type: message.readUInt16BE(offset),
    qclass: message.readUInt16BE(offset + 2),
    questionEnd: offset + 4,
  };
}

/** A bare header echoing the query's id, opcode and RD bit. */
function header(query: Buffer, rcode: number, questions: number, answers: number): Buffer {
  const out = Buffer.alloc(12);
  const flags = query.readUInt16BE(2);
  out.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, the query's opcode, AA, the query's RD, RA, RCODE.
  out.writeUInt16BE(0x8000 | (flags & 0x7800) | 0x0400 | (flags & 0x0100) | 0x0080 | rcode, 2);
  out.writeUInt16BE(questions, 4);
  out.writeUInt16BE(answers, 6);
  return out;
}

function respond(query: Buffer, parsed: ParsedQuery, rcode: number, answers: Buffer[] = []) {
  return Buffer.concat([
    header(query, rcode, 1, answers.length),
    query.subarray(12, parsed.questionEnd),
    ...answers,
  ]);
}

function typeName(type: number): string {
  if (type === TYPE_A) return "A";
  if (type === TYPE_AAAA) return "AAAA";
  return String(type);
}
