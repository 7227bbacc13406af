// The load layer with k6: which engine runs (auto never blames the server for a k6 that cannot run),
// and the k6 run's requirements: judged like the Node engine's, token uniqueness across all VUs, and
// `inconclusive` with k6's own lines as evidence when k6 fails mid-run.
import { CannotRunError } from '../../verdict/errors.ts';
import { emptyCounters } from '../flows/rotation.ts';
import type { LayerContext, LayerOutcome, RequirementResult } from '../../verdict/types.ts';
import { COLLISION_REQUIREMENT, collectorEvidence, collectorGap } from './report.ts';
import type { LoadReport } from '../report/load-report.ts';
import { degradationOf } from '../report/degradation.ts';
import { loadRequirements, tooFewTokens } from '../report/requirements.ts';
import { Recorder } from '../measure/recorder.ts';
import { K6Unusable } from './check.ts';
import type { CollectorView } from './collector.ts';
import { K6RunFailed, prepareK6, runK6Engine, type K6Plan } from './engine.ts';
import { findK6, k6Message } from './process.ts';
import type { LoadSettings } from '../settings.ts';

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
  try {
    const { report, summary, collector } = await runK6Engine(plan, settings, context);
    const requirements = k6Requirements(report, collectorGap(summary, collector), collector);
    const load = report as unknown as Record<string, unknown>;
    return { requirements, load };
  } catch (error) {
    if (!(error instanceof K6RunFailed)) throw error;
    return { requirements: unjudged(settings, error) };
  }
}

/** The load requirements of a k6 run; LOAD-05 from the collector (inconclusive when `gap` says what it missed). */
export function k6Requirements(report: LoadReport, gap: string | null, collector: CollectorView): RequirementResult[] {
  return loadRequirements(report).map((r) => {
    if (r.id !== COLLISION_REQUIREMENT) return r;
    const evidence = [...r.evidence, collectorEvidence(collector)];
    if (gap) return { ...r, status: 'inconclusive' as const, evidence: [...evidence, gap] };
    const few = r.status === 'pass' ? tooFewTokens(collector.tokens) : null;
    return few ? { ...r, status: 'inconclusive' as const, evidence: [few, ...evidence] } : { ...r, evidence };
  });
}

/** Every load requirement inconclusive, with what k6 printed: k6's failure is not the server's. */
function unjudged(settings: LoadSettings, failure: K6RunFailed): RequirementResult[] {
  const evidence = [
    `${failure.message}: the load requirements could not be judged (the suite's problem, not the server's)`,
    ...failure.lines.map((line) => `k6: ${k6Message(line)}`),
  ];
  return loadRequirements(emptyReport(settings)).map((r) => ({ ...r, status: 'inconclusive', evidence }));
}

function emptyReport(settings: LoadSettings): LoadReport {
  const latency = { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const endpoint = { requests: 0, errors: 0, rps: 0, latency_ms: latency };
  return {
    engine: 'k6',
    duration_s: 0,
    stopped_early: false,
    connections: settings.connections,
    rps: 0,
    requests: 0,
    errors: 0,
    error_rate: 0,
    latency_ms: latency,
    endpoints: { token: endpoint, refresh: endpoint },
    rotation: emptyCounters(),
    checks: {},
    thresholds: settings.thresholds,
    degradation: degradationOf(new Recorder(0), 0, settings.thresholds, false),
    series: [],
  };
}
