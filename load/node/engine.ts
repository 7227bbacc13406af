// The Node engine: virtual users spread over worker threads (worker-run.ts), each on raw keep-alive
// sockets with prebuilt requests and a strict parser; one shared set of issued-token digests; the
// workers' books merged at the end. The main thread only starts, stops, reports progress and merges.
import type { LoadProgress } from '../../verdict/types.ts';
import { ContentionSampler } from '../measure/contention-sampler.ts';
import { machineBusy, machineTicks } from '../measure/cpu-meters.ts';
import { windowMsFor } from '../measure/recorder.ts';
import { targetProcesses } from '../measure/target-process.ts';
import { assembleRun, round, type EngineRun } from './engine-run.ts';
import { createEvidenceBoard, readEvidence } from './evidence-board.ts';
import { MinimumsWatch } from './minimums-watch.ts';
import { PROGRESS_SLOTS, progressTicker } from './progress-ticker.ts';
import type { LoadSettings } from '../settings.ts';
import { createSharedDigestSet, SharedDigestSet } from './shared-digest-set.ts';
import { spawnTsWorker } from './spawn-worker.ts';
import { nextMessage, type ToWorker } from './worker-messages.ts';
import type { WorkerPlan } from './worker-types.ts';

export type { EngineRun, LoadModel, WorkerSummary } from './engine-run.ts';
export type { CheckCounts } from './worker-types.ts';

export interface EngineOptions {
  durationSeconds: number;
  /**
   * The load may go on past durationSeconds until every requirement has its minimum of evidence, never past
   * this (minimums-watch.ts); absent or not above durationSeconds: it ends at durationSeconds.
   */
  maxDurationSeconds?: number;
  /** Says when and why the load goes on past durationSeconds. */
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Called about once a second while the load runs. */
  onProgress?: (progress: LoadProgress) => void;
}

export async function runNodeEngine(settings: LoadSettings, options: EngineOptions): Promise<EngineRun> {
  const workers = Math.max(1, Math.min(settings.workers, settings.connections));
  const tokens = createSharedDigestSet(settings.uniqueCapacity);
  const progress = new SharedArrayBuffer(workers * PROGRESS_SLOTS * 4);
  const asked = options.durationSeconds;
  const bound = Math.max(asked, options.maxDurationSeconds ?? asked);
  const windowMs = windowMsFor(asked);
  const evidence = createEvidenceBoard(workers, bound, windowMs);
  const shared = { tokens, progress, evidence, windowMs };
  const plans = planWorkers(settings, workers, bound, shared);
  const threads = plans.map((plan) =>
    spawnTsWorker(new URL('./worker-thread.ts', import.meta.url), { workerData: plan }),
  );
  try {
    // Every wait is handled: when one worker fails, the others' waits end (rejected) as they are terminated.
    const ready = threads.map((thread) => handled(nextMessage(thread, 'ready')));
    await Promise.all(ready);
    const results = threads.map((thread) => handled(nextMessage(thread, 'result')));
    const cpu = process.cpuUsage();
    const machine = machineTicks();
    // A server on this machine is the target, not a neighbour: its CPU counts as the run's own.
    const target = targetProcesses(settings.flows.baseUrl);
    const contention = new ContentionSampler(windowMs, () => [], target);
    const startedAt = performance.now();
    contention.start();
    const go: ToWorker = { type: 'go', startedAtEpochMs: performance.timeOrigin + startedAt };
    for (const thread of threads) thread.postMessage(go);
    // The load's own length: the requests in flight at its end are waited for (up to --timeout) after it.
    let durationSeconds = bound;
    const stopAt = (seconds: number) => {
      durationSeconds = Math.min(durationSeconds, seconds);
      threads.forEach((thread) => thread.postMessage({ type: 'stop' } satisfies ToWorker));
    };
    const watch =
      bound > asked
        ? new MinimumsWatch({
            askedSeconds: asked,
            boundSeconds: bound,
            read: (seconds) => readEvidence(evidence, seconds),
            stop: stopAt,
            ...(options.log ? { log: options.log } : {}),
          })
        : null;
    watch?.start(startedAt);
    const stop = () => {
      const seconds = (performance.now() - startedAt) / 1000;
      if (watch) watch.interrupted(seconds);
      else stopAt(seconds);
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
    const { onProgress } = options;
    const total = () => (watch ? watch.expectedSeconds() : asked);
    const ticker = onProgress && progressTicker(progress, workers, total, startedAt, onProgress);
    const finished = await Promise.all(results).finally(() => {
      if (ticker) clearInterval(ticker);
      options.signal?.removeEventListener('abort', stop);
      // The workers ended by themselves at the bound: the watch's last look may not have come yet.
      watch?.finished();
    });
    const sampled = contention.stop();
    const used = process.cpuUsage(cpu);
    const host = {
      process_cpu_s: Math.round((used.user + used.system) / 1e3) / 1e3,
      machine_busy: round(machineBusy(machine, machineTicks())),
    };
    const workerResults = finished.map((m) => m.result);
    const uniqueness = {
      ...new SharedDigestSet(tokens).figures(),
      checked: workerResults.reduce((sum, r) => sum + r.tokensChecked, 0),
    };
    const run = assembleRun(settings, workerResults, uniqueness, durationSeconds, host);
    run.stoppedEarly = options.signal?.aborted ?? false;
    if (watch) run.extension = watch.extension;
    run.contention = sampled;
    return run;
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Users split as evenly as possible; each worker's share of the rate follows its share of the users. */
function planWorkers(
  settings: LoadSettings,
  workers: number,
  durationSeconds: number,
  shared: Pick<WorkerPlan, 'tokens' | 'progress' | 'evidence' | 'windowMs'>,
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
      ...shared,
    };
  });
}
