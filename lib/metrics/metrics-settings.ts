// Pure: read by the console (lib/boot/server-settings.ts), by workers and by scripts/serve.mjs.
import {
  choiceSetting,
  type Env,
  intSettingBetween,
  portSetting,
  secretSetting,
} from "../settings/read-env";

/** How `/metrics` is served (docs/operations.md, Metrics). */
export interface MetricsSettings {
  /**
   * METRICS_TOKEN: the Bearer token a scrape must carry. Unset, `/metrics` is off (404): the
   * metrics name channels and routes, which are not for anyone who can reach the port.
   */
  token: string | null;
  /**
   * METRICS_CHANNEL_LABELS=on: attempts and failures carry the channel's id as a `channel`
   * label. Off by default: each channel multiplies the series a scrape holds.
   */
  channelLabels: boolean;
  /**
   * METRICS_CHANNEL_LABEL_LIMIT: with channel labels on, at most this many channels get a label
   * of their own per process (the first seen); the rest are counted under `channel="other"`.
   */
  channelLabelLimit: number;
}

/** A token shorter than this could be guessed by a scraper's neighbour. */
const MIN_TOKEN_LENGTH = 16;

export function metricsSettingsFromEnv(env: Env = process.env): MetricsSettings {
  return {
    token: secretSetting(
      env,
      "METRICS_TOKEN",
      `at least ${MIN_TOKEN_LENGTH} characters without spaces`,
      (raw) => (raw.length >= MIN_TOKEN_LENGTH && !/\s/.test(raw) ? raw : null),
    ),
    channelLabels: choiceSetting(env, "METRICS_CHANNEL_LABELS", { on: true, off: false }, false),
    channelLabelLimit: intSettingBetween(env, "METRICS_CHANNEL_LABEL_LIMIT", 100, {
      min: 1,
      max: 10_000,
    }),
  };
}

/** WORKER_METRICS_PORT: where a worker serves `/metrics`; none when unset. */
export function workerMetricsPortFromEnv(env: Env = process.env): number | null {
  return env.WORKER_METRICS_PORT?.trim() ? portSetting(env, "WORKER_METRICS_PORT", 0) : null;
}
