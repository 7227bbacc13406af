// The messages between the main thread and a load worker, and waiting for one of them.
import type { Worker } from 'node:worker_threads';
import type { WorkerResult } from './worker-types.ts';

export type ToWorker = { type: 'go'; startedAtEpochMs: number } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'result'; result: WorkerResult };

/** The worker's next message of `type`; rejects, saying so, when the worker fails or exits first. */
export function nextMessage<T extends FromWorker['type']>(
  thread: Worker,
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
