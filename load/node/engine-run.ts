// What a run of the Node engine hands to the report: the workers' merged books, the load model that ran,
// the uniqueness figures and the client's own saturation, judged by the rule in client-saturation.ts.
import { availableParallelism } from 'node:os';
import type { UniquenessFigures } from '../flows/digest-set.ts';
import type { RotationCounters } from '../flows/rotation.ts';
import { starvationReasons, type ClientFigures } from './client-saturation.ts';
import { mergeResults } from './merge.ts';
import type { Extension } from './minimums-watch.ts';
import type { Recorder } from '../measure/recorder.ts';
import { noContention, type ContentionSeries } from '../measure/contention-sampler.ts';
import type { LoadSettings } from '../settings.ts';
import type { CheckCounts, StartFigures, WorkerResult } from './worker-types.ts';

export interface LoadModel {
  /** closed: each user starts its next flow when the last one ends; open: flows start on a fixed schedule. */
  kind: 'closed' | 'open';
  connections: number;
  /** Flow starts per second (open model); 0 in the closed model. */
  rate: number;
  workers: number;
  starts: StartFigures;
}

export interface WorkerSummary {
  index: number;
  users: number;
  requests: number;
  errors: number;
  latencyCount: number;
  checks: number;
  tokensChecked: number;
}

export interface EngineRun {
  recorder: Recorder;
  rotation: RotationCounters;
  checks: CheckCounts;
  uniqueness: UniquenessFigures;
  model: LoadModel;
  client: ClientFigures;
  /** Why requests got no HTTP answer (refused, reset, timeout, malformed), with counts. */
  failures: Record<string, number>;
  /** Connections that failed before any answer (refused, TLS handshake). */
  connectFailures: number;
  /** Requests in flight when the run ended: neither counted nor recorded. */
  abandoned: number;
  durationSeconds: number;
  stoppedEarly: boolean;
  /** Whether and why the load went on past --duration for the requirements' minimums (minimums-watch.ts). */
  extension?: Extension;
  workers: WorkerSummary[];
  /** Other processes' CPU demand and the run's own stretch, window by window (ContentionSampler). */
  contention: ContentionSeries;
}

export function assembleRun(
  settings: LoadSettings,
  results: WorkerResult[],
  uniqueness: UniquenessFigures,
  durationSeconds: number,
  host: Pick<ClientFigures, 'process_cpu_s' | 'machine_busy'>,
): EngineRun {
  const merged = mergeResults(results);
  const kind = settings.rate > 0 ? 'open' : 'closed';
  const worst = (key: 'p50' | 'p99' | 'max') => Math.max(0, ...results.map((r) => round(r.eventLoopDelayMs[key]) ?? 0));
  const busy = results.map((r) => (r.threadCpuSeconds === null ? null : round(r.threadCpuSeconds / r.wallSeconds)));
  const client: ClientFigures = {
    workers: results.length,
    cores: availableParallelism(),
    thread_busy: busy,
    event_loop_delay_ms: { p50: worst('p50'), p99: worst('p99'), max: worst('max') },
    event_loop_p99_ms: results.map((r) => round(r.eventLoopDelayMs.p99) ?? 0),
    ...host,
    starved: false,
    reasons: [],
    latency_suspect: false,
  };
  client.latency_suspect = starvationReasons(client, settings.thresholds, null).length > 0;
  client.reasons = starvationReasons(client, settings.thresholds, kind === 'open' ? merged.starts : null);
  client.starved = client.reasons.length > 0;
  return {
    recorder: merged.recorder,
    contention: noContention(),
    rotation: merged.rotation,
    checks: merged.checks,
    uniqueness,
    model: {
      kind,
      connections: settings.connections,
      rate: settings.rate,
      workers: results.length,
      starts: merged.starts,
    },
    client,
    failures: merged.failures,
    connectFailures: merged.connectFailures,
    abandoned: merged.abandoned,
    durationSeconds,
    stoppedEarly: false,
    workers: results.map((r) => summarize(r)),
  };
}

function summarize(result: WorkerResult): WorkerSummary {
  return {
    index: result.index,
    users: result.users,
    requests: result.recorder.overall.requests,
    errors: result.recorder.overall.errors,
    latencyCount: result.latencyCount,
    checks: Object.values(result.checks).reduce((sum, c) => sum + c.passes + c.fails, 0),
    tokensChecked: result.tokensChecked,
  };
}

export function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1000) / 1000;
}
