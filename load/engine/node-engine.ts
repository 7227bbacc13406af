// The Node engine: virtual users spread over worker threads (worker-run.ts), each on raw keep-alive
// sockets with prebuilt requests and a strict parser; one shared set of issued-token digests; the
// workers' books merged at the end. The main thread only starts, stops, reports progress and merges.
import { availableParallelism } from 'node:os';
import type { UniquenessFigures } from '../flows/digest-set.ts';
import type { RotationCounters } from '../flows/rotation.ts';
import type { LoadProgress } from '../../verify/types.ts';
import { starvationReasons, type ClientFigures } from './client-saturation.ts';
import { machineBusy, machineTicks } from './cpu-meters.ts';
import { mergeResults } from './merge.ts';
import type { Recorder } from './recorder.ts';
import type { LoadSettings } from './settings.ts';
import { createSharedDigestSet, SharedDigestSet } from './shared-digest-set.ts';
import { spawnTsWorker } from './spawn-worker.ts';
import type { FromWorker, ToWorker } from './worker-thread.ts';
import type { CheckCounts, StartFigures, WorkerPlan, WorkerResult } from './worker-run.ts';

export type { CheckCounts } from './worker-run.ts';

export interface EngineOptions {
  durationSeconds: number;
  signal?: AbortSignal;
  /** Called about once a second while the load runs. */
  onProgress?: (progress: LoadProgress) => void;
}

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
  workers: WorkerSummary[];
}

export async function runNodeEngine(settings: LoadSettings, options: EngineOptions): Promise<EngineRun> {
  const workers = Math.max(1, Math.min(settings.workers, settings.connections));
  const tokens = createSharedDigestSet(settings.uniqueCapacity);
  const progress = new SharedArrayBuffer(workers * 16);
  const plans = planWorkers(settings, workers, options.durationSeconds, tokens, progress);
  const threads = plans.map((plan) =>
    spawnTsWorker(new URL('./worker-thread.ts', import.meta.url), { workerData: plan }),
  );
  try {
    const ready = threads.map((thread) => nextMessage(thread, 'ready'));
    await Promise.all(ready);
    const results = threads.map((thread) => nextMessage(thread, 'result'));
    const cpu = process.cpuUsage();
    const machine = machineTicks();
    const startedAt = performance.now();
    const go: ToWorker = { type: 'go', startedAtEpochMs: performance.timeOrigin + startedAt };
    for (const thread of threads) thread.postMessage(go);
    const stop = () => threads.forEach((thread) => thread.postMessage({ type: 'stop' } satisfies ToWorker));
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
    const ticker = progressTicker(progress, workers, options, startedAt);
    const finished = await Promise.all(results).finally(() => {
      clearInterval(ticker);
      options.signal?.removeEventListener('abort', stop);
    });
    const used = process.cpuUsage(cpu);
    const durationSeconds = (performance.now() - startedAt) / 1000;
    const host = {
      process_cpu_s: Math.round((used.user + used.system) / 1e3) / 1e3,
      machine_busy: round(machineBusy(machine, machineTicks())),
    };
    const workerResults = finished.map((m) => m.result);
    const uniqueness = {
      ...new SharedDigestSet(tokens).figures(),
      checked: workerResults.reduce((sum, r) => sum + r.tokensChecked, 0),
    };
    const run = assemble(settings, workerResults, uniqueness, durationSeconds, host);
    run.stoppedEarly = options.signal?.aborted ?? false;
    return run;
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/** Users split as evenly as possible; each worker's share of the rate follows its share of the users. */
export function planWorkers(
  settings: LoadSettings,
  workers: number,
  durationSeconds: number,
  tokens: WorkerPlan['tokens'],
  progress: SharedArrayBuffer,
): WorkerPlan[] {
  return Array.from({ length: workers }, (_, index) => {
    const users = Math.floor(settings.connections / workers) + (index < settings.connections % workers ? 1 : 0);
    return {
      index,
      users,
      rate: (settings.rate * users) / settings.connections,
      phase: index / workers,
      durationSeconds,
      timeoutMs: settings.timeoutMs,
      flows: settings.flows,
      tls: settings.tls,
      tokens,
      progress,
    };
  });
}

function assemble(
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
  };
  client.reasons = starvationReasons(client, settings.thresholds, kind === 'open' ? merged.starts : null);
  client.starved = client.reasons.length > 0;
  return {
    recorder: merged.recorder,
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

function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1000) / 1000;
}

function progressTicker(progress: SharedArrayBuffer, workers: number, options: EngineOptions, startedAt: number) {
  const slots = new Int32Array(progress);
  let last = 0;
  return setInterval(() => {
    const sum = (k: number) =>
      Array.from({ length: workers }, (_, w) => Atomics.load(slots, w * 4 + k)).reduce((a, b) => a + b, 0);
    const requests = sum(0);
    options.onProgress?.({
      elapsedSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
      totalSeconds: options.durationSeconds,
      requests,
      rps: requests - last,
      errors: sum(1),
      violations: sum(2),
    });
    last = requests;
  }, 1000);
}

function nextMessage<T extends FromWorker['type']>(
  thread: import('node:worker_threads').Worker,
  type: T,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<FromWorker, { type: T }>);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`a load worker failed: ${error.message}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a load worker exited (code ${code}) before it sent its ${type}`));
    };
    const cleanup = () => {
      thread.off('message', onMessage);
      thread.off('error', onError);
      thread.off('exit', onExit);
    };
    thread.on('message', onMessage);
    thread.on('error', onError);
    thread.on('exit', onExit);
  });
}
