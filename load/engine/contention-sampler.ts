// How crowded the machine's CPUs were, window by window: Linux's CPU pressure (/proc/pressure/cpu, "some"),
// the share of the time at least one runnable task waited for a CPU. LOAD-06 reads it to tell "the server got
// slower" from "the machine got busier": a slowdown that comes with more waiting for CPUs is not judged
// against the server. (The CPU other processes used is no such sign: on a saturated machine it rises whenever
// our own work slows down and leaves them room.) null where /proc/pressure is missing.
import { readFileSync } from 'node:fs';

function stalledMicroseconds(): number | null {
  try {
    const some = readFileSync('/proc/pressure/cpu', 'latin1').split('\n', 1)[0] ?? '';
    const total = /\btotal=(\d+)/.exec(some)?.[1];
    return total === undefined ? null : Number(total);
  } catch {
    return null;
  }
}

export class ContentionSampler {
  /** Share of each window (0..1) during which some task waited for a CPU; null where unreadable. */
  readonly pressure: (number | null)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last: { at: number; stalled: number } | null = null;

  constructor(readonly windowMs: number) {}

  start(): void {
    this.last = this.read();
    this.timer = setInterval(() => this.sample(), this.windowMs);
    this.timer.unref();
  }

  stop(): (number | null)[] {
    clearInterval(this.timer);
    return this.pressure;
  }

  private read(): { at: number; stalled: number } | null {
    const stalled = stalledMicroseconds();
    return stalled === null ? null : { at: performance.now(), stalled };
  }

  private sample(): void {
    const now = this.read();
    const before = this.last;
    this.last = now;
    if (!now || !before) return void this.pressure.push(null);
    const share = (now.stalled - before.stalled) / 1000 / (now.at - before.at);
    this.pressure.push(Math.min(1, Math.max(0, Math.round(share * 1000) / 1000)));
  }
}
