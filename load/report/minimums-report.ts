// summary.json's `load.minimums`: the requirements' minimums a finished run did not meet, how fast each kind of
// evidence came, and how long a run at those rates would need (both engines). The requirements short of one
// say it in their evidence (needed-lines.ts).
import type { Recorder } from '../measure/recorder.ts';
import type { RotationCounters } from '../flows/rotation.ts';
import { neededSeconds, shortfallsOf, suggestedDuration, type Evidence, type Shortfall } from './minimums.ts';

export interface MinimumsFigures {
  /** Every minimum not met, with its rate and the seconds a run at that rate needs. */
  short: Shortfall[];
  /** Seconds a run at the measured rates needs for all of them; null: some never came, no rate to tell. */
  needed_s: number | null;
  /** A --duration that would do, rounded up; null as above. */
  run_with_s: number | null;
}

/** The figures of a LoadReport the minimums are counted from (load-report.ts builds it with them). */
interface RunFigures {
  duration_s: number;
  requests: number;
  errors: number;
  failures?: Record<string, number>;
  throttled?: { answers: number };
  checks: Record<string, { passes: number; fails: number }>;
  endpoints: Record<'token' | 'refresh', { requests: number; throttled?: number }>;
  rotation: RotationCounters;
}

/** `tokens`: issued tokens compared (LOAD-05; k6: its collector's count). */
export function minimumsOf(
  report: RunFigures,
  recorder: Pick<Recorder, 'windows' | 'windowMs'>,
  tokens: number | null,
): MinimumsFigures {
  const short = shortfallsOf(evidenceOf(report, recorder, tokens));
  const needed = short.length ? neededSeconds(short) : 0;
  return { short, needed_s: needed, run_with_s: needed === null || !short.length ? null : suggestedDuration(needed) };
}

/** The report's figures as the minimums count them (as requirements.ts and rotation-requirements.ts do). */
function evidenceOf(
  report: RunFigures,
  recorder: Pick<Recorder, 'windows' | 'windowMs'>,
  tokens: number | null,
): Evidence {
  const failed = Object.values(report.failures ?? {}).reduce((a, b) => a + b, 0);
  const checks = Object.values(report.checks);
  const judged = (e: 'token' | 'refresh') => report.endpoints[e].requests - (report.endpoints[e].throttled ?? 0);
  const r = report.rotation;
  return {
    seconds: report.duration_s,
    answers: report.requests - failed - (report.throttled?.answers ?? 0),
    checks: checks.reduce((sum, c) => sum + c.passes + c.fails, 0),
    erred: report.errors > 0 || checks.some((c) => c.fails > 0),
    endpoints: { token: judged('token'), refresh: judged('refresh') },
    tokens,
    rotation: { ...r, raced_replays_outside_grace: r.raced_replays_outside_grace ?? 0 },
    windows: { windowMs: recorder.windowMs, answers: recorder.windows.map((w) => w.histogram.totalCount) },
  };
}
