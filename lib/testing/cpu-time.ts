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
