// A worker thread's own saturation over the run: its CPU time against the wall clock, and its event-loop
// delay (how long a ready answer may have waited before the thread got to it).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { threadCpuSeconds } from './cpu-meters.ts';

const PROBE_MS = 10;

export interface ThreadFigures {
  wallSeconds: number;
  /** CPU seconds of this thread during the run (null where it cannot be read). */
  threadCpuSeconds: number | null;
  /** Event-loop delay, ms beyond the 10 ms probe. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export class ThreadMeter {
  private readonly delay = monitorEventLoopDelay({ resolution: PROBE_MS });
  private startedAt = 0;
  private cpuBefore: number | null = null;

  start(): void {
    this.startedAt = performance.now();
    this.cpuBefore = threadCpuSeconds();
    this.delay.enable();
  }

  stop(): ThreadFigures {
    this.delay.disable();
    const cpuAfter = threadCpuSeconds();
    const ms = (ns: number) => Math.max(0, ns / 1e6 - PROBE_MS);
    const { delay } = this;
    return {
      wallSeconds: (performance.now() - this.startedAt) / 1000,
      threadCpuSeconds: this.cpuBefore === null || cpuAfter === null ? null : cpuAfter - this.cpuBefore,
      eventLoopDelayMs: delay.count
        ? { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) }
        : { p50: 0, p99: 0, max: 0 },
    };
  }
}
