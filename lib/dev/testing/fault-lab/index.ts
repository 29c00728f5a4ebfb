// The fault lab: real misbehaving servers on 127.0.0.1 for testing how webhook delivery failures
// are classified. Every factory listens on port 0, reports its port, and frees everything in
// close(). See fault-lab.test.ts for the exact errors Node's own clients report for each fault.
export {
  type KeyPair,
  type LocalPki,
  mintLocalPki,
  type ServerCertKind,
} from "../../tls/local-pki";
export {
  type DnsMode,
  type DnsQuery,
  type DnsServer,
  type DnsServerOptions,
  startDnsServer,
} from "./dns-server";
export { type HttpBot, startHttpBot } from "./http-bot";
export {
  type AlpnChoice,
  type H2OnlyBehaviour,
  type HttpsBehaviour,
  type HttpsBot,
  type HttpsBotOptions,
  startHttpsBot,
} from "./https-bot";
export { DEFAULT_NOT_HTTP_BYTES, type HttpBehaviour, type RecordedRequest } from "./internal";
export { refusedPort, startBlackholeListener, type TcpFault } from "./tcp-faults";
export {
  type FaultServer,
  startAlpnRejectingServer,
  startHandshakeDropper,
  startPlainTextServer,
  type TlsFaultServer,
} from "./tls-faults";
