// autocannon ships no types: the part of its programmatic API that scripts/bench-load.mts uses
// (node_modules/autocannon/README.md, "API").
declare module "autocannon" {
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** A run before the measured one, with these options changed; not in the result. */
    warmup?: { connections?: number; duration?: number };
  }

  /** An hdr-histogram summary: mean, min, max and p2_5 … p99_999. */
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p99: number;
  }

  interface Result {
    /** Completed requests per second, sampled every second. */
    requests: Histogram & { sent: number };
    latency: Histogram;
    /** Seconds. */
    duration: number;
    /** Connection errors, timeouts included. */
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  /** Runs as soon as it is made; awaiting it gives the result. An EventEmitter as well. */
  interface Instance extends PromiseLike<Result> {
    on(
      event: "response",
      listener: (
        client: unknown,
        statusCode: number,
        bytes: number,
        responseTimeMs: number,
      ) => void,
    ): this;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
