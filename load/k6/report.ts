// A k6 run as a LoadReport, the same shape and the same arithmetic as the Node engine's: requests,
// errors, latency and the per-second series come from the collector's record of every API request
// (load/k6/collector.ts), token collisions from its digests across all VUs, and the rotation
// counters and checks from k6's end-of-test summary (k6's Counter metrics add up every VU's).
import { emptyCounters, TALLIES, VIOLATIONS } from '../flows/rotation.ts';
import type { CollectorView, Sample } from './collector.ts';
import { Recorder, windowMsFor } from '../measure/recorder.ts';
import type { ContentionSeries } from '../measure/contention-sampler.ts';
import { minimumsOf } from '../report/minimums-report.ts';
import type { LoadSettings } from '../settings.ts';
import { degradationOf } from '../report/degradation.ts';
import {
  describeModel,
  endpointFigures,
  overall,
  throttlingOf,
  windowSeriesOf,
  type LoadReport,
} from '../report/load-report.ts';
import { judgeOverloaded, overloadOf, refreshesPerFlow } from '../report/overload.ts';
import { maxVusFor } from './scripts/lib/profiles.ts';
import { k6Rate } from './scripts/lib/rate.ts';

interface Metric {
  values: Record<string, number>;
}
export interface K6Summary {
  metrics: Record<string, Metric | undefined>;
  root_group?: { checks?: { name: string; passes: number; fails: number }[] };
  state?: { testRunDurationMs?: number };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
/** A counter k6 never incremented is absent from its summary: that is a count of 0. */
const count = (s: K6Summary, metric: string) => s.metrics[metric]?.values.count ?? 0;

export interface K6Run {
  summary: K6Summary;
  /** Every API request, from the collector. */
  samples: Sample[];
  collector: CollectorView;
  /** Throughput profile (a fixed number of VUs): throughput can be compared over the run. */
  steady: boolean;
  stoppedEarly: boolean;
  /** Other processes' CPU demand and the run's own stretch, window by window (ContentionSampler). */
  contention: ContentionSeries;
  /** The duration asked for: k6 runs on after it while started iterations finish (graceful stop). */
  plannedSeconds?: number;
}

export function k6LoadReport(run: K6Run, settings: LoadSettings): LoadReport {
  const { summary, samples } = run;
  const seconds = Math.max((summary.state?.testRunDurationMs ?? 0) / 1000, 1e-3);
  // k6's run lasts the load plus its graceful stop, in which only iterations already started finish: LOAD-06's
  // windows cover the load's own length, as the Node engine's do (its answers in that grace count in the
  // totals only). Judged over the whole run, the stop's sparse windows filled the last third, cut it short of
  // windows and shifted it off the load; and windows sized on it did not line up with the contention sampler's.
  const planned = Math.min(seconds, run.plannedSeconds ?? seconds);
  const recorder = new Recorder(0, windowMsFor(planned));
  for (const s of samples)
    if (s.throttled && s.endpoint) recorder.throttled(s.endpoint, s.throttled, s.atMs);
    else recorder.record(s.endpoint, s.latencyMs, s.ok, s.atMs);
  recorder.throttledStatuses.flows = count(summary, 'flows_throttled');
  const figures = endpointFigures(seconds);
  const series = recorder.series();
  const all = figures(recorder.overall);
  const cut = interrupted(summary);
  // Iterations k6 cut off at the end: requests that got no answer, counted as failed (LOAD-01).
  const cutOff = { ...all, requests: all.requests + (cut ?? 0), errors: all.errors + (cut ?? 0) };
  const rate = settings.rate > 0 ? k6Rate(settings.rate) : 0;
  const dropped = count(summary, 'dropped_iterations');
  const starts = { scheduled: Math.round(rate * planned), dropped };
  const overload = overloadOf(recorder, planned, rate, starts, refreshesPerFlow(settings.flows));
  const kind = rate > 0 ? ('open' as const) : ('closed' as const);
  const shape = {
    kind,
    connections: settings.connections,
    rate,
    ...(rate > 0 ? { max_vus: maxVusFor(settings.connections) } : {}),
  };
  const report: LoadReport = {
    engine: 'k6',
    duration_s: round(seconds),
    stopped_early: run.stoppedEarly,
    connections: settings.connections,
    ...overall(cutOff),
    throttled: throttlingOf(recorder, series, settings),
    endpoints: { token: figures(recorder.endpoints.token), refresh: figures(recorder.endpoints.refresh) },
    ...rotationOf(summary, run.collector),
    rotation_grace_s: settings.flows.graceSeconds,
    checks: Object.fromEntries(
      (summary.root_group?.checks ?? []).map((c) => [c.name, { passes: c.passes, fails: c.fails }]),
    ),
    thresholds: settings.thresholds,
    degradation: judgeOverloaded(
      degradationOf(
        recorder,
        planned,
        settings.thresholds,
        run.steady || overload?.overloaded === true,
        run.contention,
      ),
      overload,
    ),
    series,
    ...(cut ? { failures: { [CUT_OFF]: cut }, abandoned: cut } : {}),
    ...(cut === null ? { counters_missing: ['flows_started', 'flows_ended'] } : {}),
    ...windowSeriesOf(recorder),
    model: { ...shape, description: describeModel(shape) },
    overload,
  };
  return { ...report, minimums: minimumsOf(report, recorder, run.collector.tokens) };
}

const CUT_OFF = 'an iteration still waiting when the load and its grace (--timeout) had ended: cut off by k6';

/**
 * Iterations k6 cut off after gracefulStop (they run no `finally`, so flows_ended misses them): each was
 * waiting on a request that got no answer within --timeout after the end. null: the counters are missing.
 */
function interrupted(summary: K6Summary): number | null {
  const started = summary.metrics.flows_started?.values.count;
  if (started === undefined) return null;
  return Math.max(0, started - (summary.metrics.flows_ended?.values.count ?? 0));
}

/**
 * The rotation counters, summed over every VU by k6. The VUs add every one (0 included) in every
 * iteration, so a summary without one is broken: its name goes into `rotation_missing`, and the rotation
 * requirements are then inconclusive rather than judged on a count of 0.
 */
function rotationOf(summary: K6Summary, collector: CollectorView): Pick<LoadReport, 'rotation' | 'rotation_missing'> {
  const rotation = emptyCounters();
  const missing: string[] = [];
  const read = (metric: string) => {
    const value = summary.metrics[metric]?.values.count;
    if (value === undefined) missing.push(metric);
    return value ?? 0;
  };
  for (const tally of TALLIES) rotation[tally] = read(`rotation_${tally}`);
  for (const violation of VIOLATIONS)
    if (violation !== 'token_collision') rotation.violations[violation] = read(`rotation_${violation}`);
  // Across VUs: the collector saw every VU's tokens (a VU's own ledger sees only its own).
  rotation.violations.token_collision = collector.collisions;
  return missing.length > 0 ? { rotation, rotation_missing: missing } : { rotation };
}

/** What the collector saw, for LOAD-05's evidence; null when its view is complete. */
export function collectorGap(summary: K6Summary, collector: CollectorView): string | null {
  const lost = count(summary, 'collector_batches_failed');
  const sent = count(summary, 'collector_batches');
  if (lost > 0 || collector.malformed > 0)
    return (
      `the collector lost ${lost + collector.malformed} of ${sent + lost} iteration batches, ` +
      'so tokens issued in them were not compared'
    );
  if (collector.batches !== sent)
    return `k6 sent ${sent} iteration batches but the collector received ${collector.batches}`;
  if (collector.overflowed)
    return (
      "more than the collector's capacity of distinct tokens: " +
      'the newest were compared with those remembered, not with each other'
    );
  return null;
}

/** The requirement id of token uniqueness, whose evidence the collector gives. */
export const COLLISION_REQUIREMENT = 'LOAD-05';

export function collectorEvidence(collector: CollectorView): string {
  return (
    `k6: ${collector.tokens} token digests from ${collector.vus} VUs ` +
    "compared across all VUs by the suite's collector"
  );
}
