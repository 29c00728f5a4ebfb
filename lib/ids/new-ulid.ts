import { randomFillSync } from "node:crypto";
import { encodeTime, monotonicFactory, ulid } from "ulid";

// ulid's default random source asks the CSPRNG for one byte per character (16 calls per id) and
// looks the source up again on every call; on the dispatcher's hot path that cost more than the
// HTTP request. One CSPRNG call fills a pool that serves the next 4096 bytes instead.
const pool = new Uint8Array(4096);
let offset = pool.length;

function pooledRandom(): number {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  return (pool[offset++] ?? 0) / 256;
}

/** A ULID: 48-bit time (ms) + 80 random bits, lexicographically sortable by time. */
export function newUlid(time: number = Date.now()): string {
  return ulid(time, pooledRandom);
}

const monotonic = monotonicFactory(pooledRandom);

/**
 * A ULID greater than every other this process made before, even within one millisecond: for
 * rows listed by id whose order within a millisecond matters (audit entries written together).
 */
export function newMonotonicUlid(time: number = Date.now()): string {
  return monotonic(time);
}

/**
 * The smallest ULID of millisecond `time`: every ULID made earlier sorts below it, so
 * `id < smallestUlidAt(t)` selects rows made before t by their primary key alone.
 */
export function smallestUlidAt(time: number): string {
  return `${encodeTime(time, 10)}${"0".repeat(16)}`;
}
