import { existsSync, readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import {
  booleanSetting,
  type Env,
  listSetting,
  optionalSetting,
  positiveIntListSetting,
  positiveIntSetting,
} from "../settings/read-env";
import { createHostResolver } from "./send/resolve-host";
import type { SendOptions } from "./send/send-webhook";

/** How the dispatcher sends; every number is an environment variable (docs/operations.md, Configuration). */
export interface DispatchSettings {
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  dnsServers: string[];
  dnsTimeoutMs: number;
  extraCaFile: string | null;
  /**
   * Send to loopback, private, link-local and other non-public addresses too (target-address.ts).
   * Off by default; for development and tests, whose bots listen on 127.0.0.1 (ADR 11).
   */
  allowPrivateTargets: boolean;
  /** Webhooks in flight at once, all channels together. */
  concurrency: number;
  /** Webhooks in flight at once for one channel, so one slow bot cannot take every slot. */
  channelConcurrency: number;
  /** How often to look for due webhooks when nothing wakes the dispatcher. */
  pollIntervalMs: number;
  /** Delays before each redelivery after a failed attempt (ms); their count bounds the window. */
  redeliverySchedule: number[];
  /**
   * How long a claim holds unless its worker renews it (three times per lease while it lives).
   * After it, a dead worker's webhooks are claimed by others: the longest a crash delays them.
   */
  leaseMs: number;
  /** On SIGTERM, how long to wait for attempts in flight before exiting (their leases cover them). */
  stopTimeoutMs: number;
}

/**
 * Default: 10 s, 30 s, 1 min, 5 min, 10 min, 30 min, 1 h and 3 h after each failure, about 4 h 47 min
 * in all. LINE does not publish its schedule; this one backs off quickly and gives up within
 * the day. WEBHOOK_REDELIVERY_SCHEDULE_MS="100,200" compresses it (tests do).
 */
export const DEFAULT_REDELIVERY_SCHEDULE_MS = [
  10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 10_800_000,
];

export function dispatchSettingsFromEnv(env: Env = process.env): DispatchSettings {
  return {
    // LINE waits 2 seconds for the bot's response.
    requestTimeoutMs: positiveIntSetting(env, "WEBHOOK_TIMEOUT_MS", 2000),
    connectTimeoutMs: positiveIntSetting(env, "WEBHOOK_CONNECT_TIMEOUT_MS", 2000),
    dnsServers: listSetting(env, "WEBHOOK_DNS_SERVERS"),
    dnsTimeoutMs: positiveIntSetting(env, "WEBHOOK_DNS_TIMEOUT_MS", 2000),
    extraCaFile: optionalSetting(env, "WEBHOOK_EXTRA_CA_FILE"),
    allowPrivateTargets: booleanSetting(env, "WEBHOOK_ALLOW_PRIVATE_TARGETS", false),
    concurrency: positiveIntSetting(env, "WEBHOOK_CONCURRENCY", 64),
    channelConcurrency: positiveIntSetting(env, "WEBHOOK_CHANNEL_CONCURRENCY", 8),
    pollIntervalMs: positiveIntSetting(env, "WEBHOOK_POLL_INTERVAL_MS", 500),
    leaseMs: positiveIntSetting(env, "WEBHOOK_LEASE_MS", 30_000),
    stopTimeoutMs: positiveIntSetting(env, "WEBHOOK_STOP_TIMEOUT_MS", 10_000),
    redeliverySchedule: positiveIntListSetting(
      env,
      "WEBHOOK_REDELIVERY_SCHEDULE_MS",
      DEFAULT_REDELIVERY_SCHEDULE_MS,
    ),
  };
}

// Debian's (and most distributions') bundle of the system's trusted CAs; Node's own copy of
// Mozilla's store stands in where it is missing.
const SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

/**
 * The sender's options: resolver, trusted CAs (system store + extra file), timeouts, and whether
 * non-public addresses may be connected to.
 */
export function sendOptionsFrom(settings: DispatchSettings): SendOptions {
  const ca = existsSync(SYSTEM_CA_BUNDLE)
    ? [readFileSync(SYSTEM_CA_BUNDLE, "utf8")]
    : [...rootCertificates];
  if (settings.extraCaFile) ca.push(readFileSync(settings.extraCaFile, "utf8"));
  return {
    resolve: createHostResolver({ servers: settings.dnsServers, timeoutMs: settings.dnsTimeoutMs }),
    connectTimeoutMs: settings.connectTimeoutMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    ca,
    allowPrivateTargets: settings.allowPrivateTargets,
  };
}
