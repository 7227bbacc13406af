// CPU meters: the calling thread's CPU time (Linux: /proc/thread-self/stat, read on the thread itself), a
// process's (/proc/<pid>/stat) and the whole machine's busy ticks (/proc/stat, every process). All give null
// where /proc is missing. Clock ticks are taken as 100 per second (USER_HZ on every mainstream Linux).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** A /proc file's text, or null (no /proc, or the process or thread has ended). */
export function read(path: string): string | null {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return null;
  }
}

/** A /proc directory's entries, or none (no /proc, or the process has ended). */
export function list(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** CPU ticks (user + system) from a stat file of proc(5), or null. */
function statTicks(path: string): number | null {
  const stat = read(path);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15 of stat(5)
  return Number.isFinite(ticks) ? ticks : null;
}

/** CPU seconds (user + system) the calling thread has used, or null. */
export function threadCpuSeconds(): number | null {
  const ticks = statTicks('/proc/thread-self/stat');
  return ticks === null ? null : ticks / TICKS_PER_SECOND;
}

export interface MachineTicks {
  busy: number;
  total: number;
  /** Ticks the hypervisor ran something else while this machine's CPUs wanted to run (counted in busy). */
  steal: number;
}

/** The machine's CPU ticks since boot, all cores (idle and iowait count as not busy), or null. */
export function machineTicks(): MachineTicks | null {
  const line = read('/proc/stat')?.split('\n', 1)[0];
  if (!line?.startsWith('cpu ')) return null;
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total, steal: ticks[7] ?? 0 };
}

/** Share of all cores busy between two readings (0..1), or null. */
export function machineBusy(before: MachineTicks | null, after: MachineTicks | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return (after.busy - before.busy) / (after.total - before.total);
}

/** CPU ticks (user + system, all threads) a process has used, or null (no /proc, or it has ended). */
export function processTicks(pid: number): number | null {
  return statTicks(`/proc/${pid}/stat`);
}

export const ticksToSeconds = (ticks: number) => ticks / TICKS_PER_SECOND;
