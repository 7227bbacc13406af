// The verdict on a run many k6 runners fed: the same LOAD-* requirements as one k6 process (load/k6/report.ts
// and outcome.ts do the arithmetic), from the merged evidence. A runner that never reported, did not finish,
// lost batches or was claimed by two processes leaves a hole in the evidence: every requirement that would
// otherwise pass is then inconclusive, naming the runner; a failure seen in what did arrive stays a failure.
import type { RequirementResult } from '../../../verdict/types.ts';
import type { LoadSettings } from '../../settings.ts';
import type { LoadReport } from '../../report/load-report.ts';
import type { CollectorView, Sample } from '../collector.ts';
import { k6Requirements } from '../outcome.ts';
import { COLLISION_REQUIREMENT, k6LoadReport, type K6Summary } from '../report.ts';
import { TALLIES, VIOLATIONS } from '../../flows/rotation.ts';
import type { RunMerge, RunnerState } from './merge.ts';
import { noContention } from '../../measure/contention-sampler.ts';

export interface RunnerFigures {
  runner: string;
  state: 'finished' | 'unfinished' | 'silent' | 'duplicated';
  batches_received: number;
  /** From the runner's end message (k6's collector_batches / _failed counters); null without one. */
  batches_sent: number | null;
  batches_lost: number | null;
  tokens: number;
  iterations: number | null;
  duration_ms: number | null;
  thresholds_failed: string[];
  exit: string | null;
}

export interface CollectedVerdict {
  requirements: RequirementResult[];
  /** summary.json's load section: the LoadReport plus the runners and what the collector refused. */
  load: LoadReport & { runners: RunnerFigures[]; collector: Record<string, unknown> };
  /** The holes in the evidence, one sentence each (empty when every runner's evidence arrived whole). */
  gaps: string[];
}

/**
 * `plannedSeconds`: the load's own length, when the caller knows it (`verify --runners`): LOAD-06's windows
 * cover it, not the runners' graceful stop after it (load/k6/report.ts). An operator run's collector does not.
 */
export function judgeMerge(
  merge: RunMerge,
  settings: LoadSettings,
  stoppedEarly: boolean,
  plannedSeconds?: number,
): CollectedVerdict {
  const runners = [...merge.runners.values()];
  const samples = merge.samples();
  const view: CollectorView = {
    batches: runners.reduce((n, r) => n + r.batches, 0),
    malformed: 0,
    vus: merge.vuCount(),
    tokens: merge.tokens,
    collisions: merge.collisions,
    overflowed: merge.uniqueness().remembered >= merge.uniqueness().capacity,
    answers: samples.length,
  };
  const summary = summaryOf(merge, runners, samples);
  const steady = runners.every((r) => r.done === null || r.done.profile === 'throughput');
  const run = { summary, samples, collector: view, steady, stoppedEarly, contention: noContention() };
  const report = k6LoadReport(plannedSeconds === undefined ? run : { ...run, plannedSeconds }, settings);
  const gaps = runners.flatMap(gapOf);
  if (merge.answersDropped > 0)
    gaps.push(`${merge.answersDropped} requests past the collector's ${samples.length} recorded were not timed`);
  const tokensLine =
    `across ${runners.length} runner(s): ` + runners.map((r) => `${r.id} ${r.tokens} tokens`).join(', ');
  const requirements = k6Requirements(report, null, view).map((r) => {
    const evidence = r.id === COLLISION_REQUIREMENT ? [...r.evidence, tokensLine] : r.evidence;
    if (r.status === 'fail' || r.status === 'warn') return { ...r, evidence: [...evidence, ...gaps.map(note)] };
    const status = gaps.length > 0 ? ('inconclusive' as const) : r.status;
    return { ...r, status, evidence: [...gaps.map((g) => `MISSING: ${g}`), ...evidence] };
  });
  const uniqueness = merge.uniqueness();
  return {
    requirements,
    gaps,
    load: {
      ...report,
      uniqueness,
      runners: runners.map(figuresOf),
      collector: { rejected: merge.rejected, vus: view.vus, answers_not_recorded: merge.answersDropped },
    },
  };
}

const note = (gap: string) => `also: ${gap}`;

/** What a runner's evidence lacks, in one sentence naming it; [] when it arrived whole. */
function gapOf(r: RunnerState): string[] {
  const died = r.exit ? ` (its k6 ${r.exit})` : '';
  if (r.fault) return [`runner ${r.id}: ${r.fault}`];
  if (r.duplicated) return [`runner ${r.id} was claimed by two processes: their evidence cannot be told apart`];
  if (r.firstAt === null) return [`runner ${r.id} never reported${died}`];
  if (r.done === null) return [`runner ${r.id} stopped mid-run${died}: it sent ${r.batches} batches and no end`];
  const lost = r.done.batchesFailed + Math.max(0, r.done.batches - r.batches);
  if (lost > 0)
    return [
      `runner ${r.id} lost ${lost} of ${r.done.batches + r.done.batchesFailed} batches on the way to the collector`,
    ];
  return [];
}

function figuresOf(r: RunnerState): RunnerFigures {
  return {
    runner: r.id,
    state: r.duplicated ? 'duplicated' : r.firstAt === null ? 'silent' : r.done ? 'finished' : 'unfinished',
    batches_received: r.batches,
    batches_sent: r.done?.batches ?? null,
    batches_lost: r.done ? r.done.batchesFailed : null,
    tokens: r.tokens,
    iterations: r.done?.iterations ?? null,
    duration_ms: r.done?.durationMs ?? null,
    thresholds_failed: r.done?.thresholdsFailed ?? [],
    exit: r.exit,
  };
}

/** The merged counters in the shape of k6's end-of-test summary, which load/k6/report.ts reads. */
function summaryOf(merge: RunMerge, runners: RunnerState[], samples: Sample[]): K6Summary {
  const counter = (count: number) => ({ values: { count } });
  const metrics: K6Summary['metrics'] = {};
  for (const tally of TALLIES) metrics[`rotation_${tally}`] = counter(merge.rotation[tally]);
  for (const v of VIOLATIONS)
    if (v !== 'token_collision') metrics[`rotation_${v}`] = counter(merge.rotation.violations[v]);
  // Iterations cut off at the end, summed over the runners that sent their end (one that did not is a gap).
  const ended = runners.flatMap((r) => (r.done ? [r.done] : []));
  if (ended.length > 0) {
    metrics.flows_started = counter(ended.reduce((n, d) => n + d.flowsStarted, 0));
    metrics.flows_ended = counter(ended.reduce((n, d) => n + d.flowsEnded, 0));
  }
  const durations = runners.map((r) => r.done?.durationMs ?? 0);
  return {
    metrics,
    root_group: { checks: Object.entries(merge.checks).map(([name, c]) => ({ name, ...c })) },
    state: { testRunDurationMs: Math.max(0, ...durations) || spanMs(samples) },
  };
}

/** Without any runner's end: from the first request sent to the last answer. */
function spanMs(samples: Sample[]): number {
  let last = 0;
  for (const s of samples) last = Math.max(last, s.atMs);
  return last;
}
