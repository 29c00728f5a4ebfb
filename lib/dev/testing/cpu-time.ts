// CPU time from /proc (Linux), for the benchmarks: per process, and for one thread of this
// process, which process.cpuUsage() cannot tell apart. null where /proc is not there.
import { readdirSync, readFileSync } from "node:fs";

/**
 * A /proc stat file's fields from the third on (after the command name, which may hold spaces,
 * in parentheses); null when it cannot be read (the process or thread is gone).
 */
function statFields(file: string): string[] | null {
  try {
    const stat = readFileSync(file, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** Seconds from two clock-tick fields of `fields` (100 ticks a second on Linux). */
function ticks(fields: string[], first: number, second: number): number {
  return (Number(fields[first]) + Number(fields[second])) / 100;
}

/** User plus system CPU time in a /proc stat file (fields 14 and 15), in seconds. */
function statCpuSeconds(file: string): number | null {
  const fields = statFields(file);
  return fields ? ticks(fields, 11, 12) : null;
}

/** CPU time process `pid` has used, in seconds. */
export function processCpuSeconds(pid: number | undefined): number | null {
  return pid === undefined ? null : statCpuSeconds(`/proc/${pid}/stat`);
}

/** CPU time this process's main thread (the one running JavaScript first) has used, in seconds. */
export function mainThreadCpuSeconds(): number | null {
  return statCpuSeconds(`/proc/self/task/${process.pid}/stat`);
}

/** CPU time of each thread of this process now, by thread id, in seconds. */
export function threadCpuSeconds(): Map<string, number> {
  const threads = new Map<string, number>();
  let ids: string[];
  try {
    ids = readdirSync("/proc/self/task");
  } catch {
    return threads;
  }
  for (const id of ids) {
    const seconds = statCpuSeconds(`/proc/self/task/${id}/stat`);
    if (seconds !== null) threads.set(id, seconds);
  }
  return threads;
}

/**
 * CPU time of process `pid` and every process under it, in seconds, those that already exited
 * and were reaped included (the kernel adds theirs to their parent's): a PostgreSQL server's
 * postmaster and its backends, for example.
 */
export function processTreeCpuSeconds(pid: number): number | null {
  const parents = new Map<number, number>();
  const own = new Map<number, number>();
  let reaped = 0;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const entry of entries) {
    const fields = statFields(`/proc/${entry}/stat`);
    // Gone while we looked.
    if (!fields) continue;
    const id = Number(entry);
    // Field 4 is the parent; 14 and 15 this process's CPU; 16 and 17 its reaped children's.
    parents.set(id, Number(fields[1]));
    own.set(id, ticks(fields, 11, 12));
    if (id === pid) reaped = ticks(fields, 13, 14);
  }
  if (!own.has(pid)) return null;
  let total = reaped;
  for (const [id, seconds] of own) {
    for (let at: number | undefined = id; at !== undefined && at > 1; at = parents.get(at)) {
      if (at === pid) {
        total += seconds;
        break;
      }
    }
  }
  return total;
}
