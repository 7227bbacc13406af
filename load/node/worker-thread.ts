// The entry of a load worker thread: prepares its share of the run, says 'ready', runs on 'go' (the
// common start as epoch milliseconds, so all workers count seconds alike), stops early on 'stop', and
// posts its result.
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './worker-messages.ts';
import { WorkerRun } from './worker-run.ts';
import type { WorkerPlan } from './worker-types.ts';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts runs as a worker thread');
const run = new WorkerRun(workerData as WorkerPlan);
await run.warm();
port.postMessage({ type: 'ready' } satisfies FromWorker);
port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') return run.stop();
  void run
    .run(message.startedAtEpochMs - performance.timeOrigin)
    .then((result) => port.postMessage({ type: 'result', result } satisfies FromWorker));
});
