// k6 runs a fixed duration: it cannot go on until the requirements' minimums are met, as the Node engine does
// (load/node/minimums-watch.ts). So after a k6 run short of a minimum, the load runs once more, as a whole new
// run, for as long as the rates it measured say a run needs (load/report/minimums.ts), never past the bound
// (--max-duration): that second run is the one judged (its own thirds for LOAD-06, its own tokens for
// LOAD-05), and summary.json's load.extension says why it ran. When the rates say the bound is not enough (or
// something never came), there is no second run, and the requirements short of their minimum say how long a
// run needs.
import type { LoadReport } from '../report/load-report.ts';
import { suggestedDuration, type Shortfall } from '../report/minimums.ts';
import type { Extension } from '../node/minimums-watch.ts';
import type { K6Plan } from './engine.ts';

/** A run as long as the first may fall short again by chance: the second is at least half again as long. */
const AT_LEAST = 1.5;

/** The seconds to run k6 once more for, or null: nothing short, or the bound is not enough (or unknown). */
export function rerunSeconds(report: LoadReport, asked: number, bound: number): number | null {
  const m = report.minimums;
  if (!m?.short.length || m.run_with_s === null || report.stopped_early) return null;
  if (m.run_with_s > bound) return null;
  return Math.min(bound, Math.max(m.run_with_s, suggestedDuration(AT_LEAST * asked)));
}

/** The plan with another duration (the plan's TLS files stay until the caller clears the plan). */
export function withDuration(plan: K6Plan, seconds: number): K6Plan {
  return { ...plan, vars: { ...plan.vars, TOKEN_SUITE_LOAD_DURATION: `${seconds}s` }, clear: () => undefined };
}

/** What the first run lacked, and how the second ended: summary.json's load.extension. */
export function rerunExtension(
  short: Shortfall[],
  second: LoadReport,
  run: { asked: number; again: number; bound: number },
): Extension {
  const { asked, again, bound } = run;
  const ran = second.duration_s;
  const met = !second.minimums?.short.length;
  const why = short.map((s) => `${s.requirement} ${s.have}/${s.need} ${s.what}`).join('; ');
  return {
    asked_s: asked,
    bound_s: bound,
    ran_s: ran,
    extended: true,
    short_at_duration: short,
    ended: met ? 'met' : 'bound',
    summary:
      `k6 runs a fixed duration: its ${asked} s run was short of ${why}; ` +
      `run once more for ${again} s (as the rates measured need, bound ${bound} s), judged on that run ` +
      `(${ran} s with k6's graceful stop): ` +
      (met ? 'every minimum met' : 'still short'),
  };
}
