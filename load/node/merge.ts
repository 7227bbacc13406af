// The workers' results as one run: histograms merged (HdrHistogram encode/add), counts summed. Nothing is
// judged here, so what the workers saw and what the report says can be compared figure for figure.
import { emptyCounters, TALLIES, type RotationCounters } from '../flows/rotation.ts';
import { Recorder } from '../measure/recorder.ts';
import type { CheckCounts, StartFigures, WorkerResult } from './worker-types.ts';

export interface MergedResults {
  recorder: Recorder;
  rotation: RotationCounters;
  checks: CheckCounts;
  starts: StartFigures;
  failures: Record<string, number>;
  abandoned: number;
  connectFailures: number;
}

export function mergeResults(results: WorkerResult[]): MergedResults {
  const recorder = new Recorder(0, results[0]?.recorder.windowMs);
  const rotation: RotationCounters = emptyCounters();
  const checks: CheckCounts = {};
  const starts: StartFigures = { scheduled: 0, started: 0, late: 0, queued: 0, dropped: 0, max_lag_ms: 0 };
  const failures: Record<string, number> = {};
  let [abandoned, connectFailures] = [0, 0];
  for (const result of results) {
    recorder.merge(result.recorder);
    for (const tally of TALLIES) rotation[tally] += result.rotation[tally];
    for (const [violation, count] of Object.entries(result.rotation.violations))
      rotation.violations[violation as keyof RotationCounters['violations']] += count;
    for (const [name, counts] of Object.entries(result.checks)) {
      const sum = (checks[name] ??= { passes: 0, fails: 0 });
      sum.passes += counts.passes;
      sum.fails += counts.fails;
    }
    starts.scheduled += result.starts.scheduled;
    starts.started += result.starts.started;
    starts.late += result.starts.late;
    starts.queued += result.starts.queued;
    starts.dropped += result.starts.dropped;
    starts.max_lag_ms = Math.max(starts.max_lag_ms, result.starts.max_lag_ms);
    for (const [reason, count] of Object.entries(result.failures)) failures[reason] = (failures[reason] ?? 0) + count;
    abandoned += result.abandoned;
    connectFailures += result.connectFailures;
  }
  return { recorder, rotation, checks, starts, failures, abandoned, connectFailures };
}
