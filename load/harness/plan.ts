// k6 scenarios -> what the harness's VU threads do. per-vu-iterations and shared-iterations are exact;
// VU-based executors run their peak VUs for the whole duration; arrival-rate executors pace iterations
// at their peak rate from a fixed pool of preAllocatedVUs. Durations can be capped to keep tests short.
export interface ScenarioOptions {
  executor: string;
  exec?: string;
  vus?: number;
  iterations?: number;
  duration?: string;
  maxDuration?: string;
  rate?: number;
  timeUnit?: string;
  preAllocatedVUs?: number;
  startVUs?: number;
  startRate?: number;
  stages?: { target: number; duration: string }[];
}

export interface Plan {
  scenario: string;
  exec: string;
  vus: number;
  mode: 'per-vu' | 'shared' | 'duration' | 'arrival';
  iterations: number;
  durationMs: number;
  /** Iterations per second, arrival mode only. */
  rate: number;
}

export function durationMs(text: string | undefined, fallback = 0): number {
  if (!text) return fallback;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(n) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms'];
  return total;
}

export function planFor(name: string, s: ScenarioOptions, capMs = Infinity): Plan {
  const stagesMs = (s.stages ?? []).reduce((sum, stage) => sum + durationMs(stage.duration), 0);
  const peak = Math.max(0, ...(s.stages ?? []).map((stage) => stage.target));
  const base = { scenario: name, exec: s.exec ?? 'default', iterations: s.iterations ?? 1, rate: 0 };
  const cap = (ms: number) => Math.min(ms, capMs);
  switch (s.executor) {
    case 'per-vu-iterations':
      return { ...base, mode: 'per-vu', vus: s.vus ?? 1, durationMs: cap(durationMs(s.maxDuration, 600_000)) };
    case 'shared-iterations':
      return { ...base, mode: 'shared', vus: s.vus ?? 1, durationMs: cap(durationMs(s.maxDuration, 600_000)) };
    case 'constant-vus':
      return { ...base, mode: 'duration', vus: s.vus ?? 1, durationMs: cap(durationMs(s.duration)) };
    case 'ramping-vus':
      return { ...base, mode: 'duration', vus: Math.max(peak, s.startVUs ?? 1, 1), durationMs: cap(stagesMs) };
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      const perSecond =
        ((s.executor === 'constant-arrival-rate' ? (s.rate ?? 1) : Math.max(peak, s.startRate ?? 1)) * 1000) /
        durationMs(s.timeUnit, 1000);
      const ms = s.executor === 'constant-arrival-rate' ? durationMs(s.duration) : stagesMs;
      return { ...base, mode: 'arrival', vus: s.preAllocatedVUs ?? 1, rate: perSecond, durationMs: cap(ms) };
    }
    default:
      throw new Error(`the harness does not emulate the ${s.executor} executor`);
  }
}
