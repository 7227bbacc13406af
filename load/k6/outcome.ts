// The load layer with k6: which engine runs (auto never blames the server for a k6 that cannot run),
// and the k6 run's requirements: judged like the Node engine's, token uniqueness across all VUs. When k6
// fails mid-run, what it and the collector counted is still judged: a violation stays a failure, a pass
// becomes inconclusive (the run was cut short), each with k6's own lines as evidence.
import { CannotRunError } from '../../verdict/errors.ts';
import type { LayerContext, LayerOutcome, RequirementResult } from '../../verdict/types.ts';
import { COLLISION_REQUIREMENT, collectorEvidence, collectorGap } from './report.ts';
import { loadRequirements, tooFewTokens } from '../report/requirements.ts';
import { probeLiveness } from '../liveness.ts';
import { neededLines } from '../report/needed-lines.ts';
import { K6Unusable } from './check.ts';
import type { CollectorView } from './collector.ts';
import { prepareK6, runK6Engine, type K6Failure, type K6Plan, type K6Result } from './engine.ts';
import { rerunExtension, rerunSeconds, withDuration } from './rerun.ts';
import { findK6, k6Message } from './process.ts';
import type { LoadSettings } from '../settings.ts';
import type { LoadReport } from '../report/load-report.ts';

const INSTALL_K6 = 'https://grafana.com/docs/k6/latest/set-up/install-k6/';

/**
 * node: no k6. k6: this k6 must run the bundle, else CannotRunError (exit 2). auto: k6 when it is on the
 * PATH and runs the bundle; a k6 that cannot gives a warning, a note in summary.json and the Node engine.
 */
export async function chooseK6(context: LayerContext, settings: LoadSettings): Promise<K6Plan | null> {
  if (context.engine === 'node') return null;
  const k6 = findK6();
  if (!k6) {
    if (context.engine === 'k6')
      throw new CannotRunError(`--engine k6: no k6 executable on the PATH; install k6 >= 0.49 (${INSTALL_K6}).`);
    return null;
  }
  try {
    return await prepareK6(k6, settings, context);
  } catch (error) {
    if (!(error instanceof K6Unusable)) throw error;
    if (context.engine === 'k6') throw new CannotRunError(`--engine k6: ${error.message}.`);
    const note =
      `load: k6 on the PATH (${k6}) cannot run the suite's bundle: ${error.message}; ` +
      'the Node engine ran the load layer instead.';
    context.log(`  warning: ${note}`);
    context.note?.(note);
    return null;
  }
}

export async function k6Outcome(plan: K6Plan, settings: LoadSettings, context: LayerContext): Promise<LayerOutcome> {
  context.log(
    `  ${plan.version} (${plan.k6}), ${plan.vars.PROFILE} profile, ${settings.connections} VUs, ` +
      `${context.durationSeconds} s against ${settings.flows.baseUrl}`,
  );
  const { report, summary, collector, failure, exceptions } = await runWithMinimums(plan, settings, context);
  if (!context.signal.aborted) report.liveness = await probeLiveness(context, settings.flows.format);
  const judged = k6Requirements(report, collectorGap(summary, collector), collector).map((r) =>
    r.id === 'LOAD-01' && exceptions.length > 0 ? { ...r, evidence: [...r.evidence, ...thrown(exceptions)] } : r,
  );
  const requirements = failure ? judged.map((r) => cutShort(r, failure)) : judged;
  const load = report as unknown as Record<string, unknown>;
  return { requirements, load };
}

/** One k6 run, and once more for as long as its rates say the minimums need, up to the bound (rerun.ts). */
async function runWithMinimums(plan: K6Plan, settings: LoadSettings, context: LayerContext): Promise<K6Result> {
  const asked = context.durationSeconds;
  const bound = context.maxDurationSeconds ?? 0;
  // The plan's TLS files must outlive the first run when a second may follow.
  const kept = bound > asked ? { ...plan, clear: () => undefined } : plan;
  try {
    const first = await runK6Engine(kept, settings, context);
    const seconds = first.failure ? null : rerunSeconds(first.report, asked, bound);
    if (seconds === null || context.signal.aborted) return first;
    const short = first.report.minimums?.short ?? [];
    const ids = [...new Set(short.map((s) => s.requirement))].join(', ');
    context.log(`  minimums not met in ${asked} s (${ids}): k6 runs once more, for ${seconds} s`);
    const second = await runK6Engine(withDuration(plan, seconds), settings, { ...context, durationSeconds: seconds });
    second.report.extension = rerunExtension(short, second.report, { asked, again: seconds, bound });
    return second;
  } finally {
    plan.clear();
  }
}

/**
 * The load requirements of a k6 run; LOAD-05 from the collector. A `gap` (what the collector missed) or too
 * few tokens can only leave a pass unproven (inconclusive): collisions found stay a failure.
 */
export function k6Requirements(report: LoadReport, gap: string | null, collector: CollectorView): RequirementResult[] {
  return loadRequirements(report).map((r) => {
    if (r.id !== COLLISION_REQUIREMENT) return r;
    const evidence = [...r.evidence, collectorEvidence(collector)];
    if (gap && r.status === 'pass') return { ...r, status: 'inconclusive' as const, evidence: [...evidence, gap] };
    if (gap) return { ...r, evidence: [...evidence, gap] };
    const few = r.status === 'pass' ? tooFewTokens(collector.tokens) : null;
    if (!few) return { ...r, evidence };
    return { ...r, status: 'inconclusive' as const, evidence: [few, ...evidence, ...neededLines(report, r.id)] };
  });
}

/** k6 did not finish: a pass is unproven (inconclusive), a failure found stands; both say why. */
function cutShort(r: RequirementResult, failure: K6Failure): RequirementResult {
  const evidence = [
    ...r.evidence,
    `${failure.message}: judged on what k6 and the collector counted before (a pass would be unproven)`,
    ...failure.lines.map((line) => `k6: ${k6Message(line)}`),
  ];
  return { ...r, status: r.status === 'pass' ? 'inconclusive' : r.status, evidence };
}

function thrown(exceptions: string[]): string[] {
  return [
    `${exceptions.length} iteration(s) ended on a script exception (counted as a failed check):`,
    ...exceptions.slice(-3).map((line) => `k6: ${k6Message(line)}`),
  ];
}
