// CPU time from /proc (Linux), for the benchmarks: per process, and for one thread of this
// process, which process.cpuUsage() cannot tell apart. null where /proc is not there.
import { readdirSync, readFileSync } from "node:fs";

/** User plus system CPU time in a /proc stat file, in seconds. */
function statCpuSeconds(file: string): number | null {
  try {
    const stat = readFileSync(file, "utf8");
    // Fields after the command name (which may hold spaces) start after its closing parenthesis;
    // utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
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
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const id = Number(entry);
      // Field 4 is the parent; 14 and 15 this process's CPU; 16 and 17 its reaped children's.
      parents.set(id, Number(fields[1]));
      own.set(id, (Number(fields[11]) + Number(fields[12])) / 100);
      if (id === pid) reaped = (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // It exited while we looked.
    }
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
