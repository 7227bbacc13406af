// Calls an async function in another thread and blocks until it answers (Atomics.wait), which is
// how the harness makes k6's http calls synchronous. (synckit does the same, but it cannot start a
// TypeScript worker on Node 20, which ignores --import in worker threads; see ts-worker.ts.)
import { MessageChannel, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { tsWorker } from './ts-worker.ts';

interface Reply<R> {
  result?: R;
  error?: string;
}
interface Wiring {
  port: MessagePort;
  flag: SharedArrayBuffer;
}

export function createSyncCall<A, R>(entry: URL, timeoutMs = 120_000): (argument: A) => R {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const wiring: Wiring = { port: port2, flag: flag.buffer as SharedArrayBuffer };
  tsWorker(entry, { workerData: wiring, transferList: [port2] }).unref();
  return (argument: A): R => {
    Atomics.store(flag, 0, 0);
    port1.postMessage(argument);
    if (Atomics.wait(flag, 0, 0, timeoutMs) === 'timed-out')
      throw new Error(`no answer from ${entry.pathname} within ${timeoutMs} ms`);
    const reply = receiveMessageOnPort(port1)?.message as Reply<R> | undefined;
    if (!reply || reply.error !== undefined) throw new Error(reply?.error ?? 'no reply');
    return reply.result as R;
  };
}

/** The worker side: answers each call with the handler's result, then wakes the caller. */
export function serveSyncCalls<A, R>(handler: (argument: A) => Promise<R>): void {
  const { port, flag } = workerData as Wiring;
  const view = new Int32Array(flag);
  port.on('message', (argument: A) => {
    handler(argument)
      .then(
        (result) => ({ result }),
        (error: unknown) => ({ error: String(error) }),
      )
      .then((reply: Reply<R>) => {
        port.postMessage(reply);
        Atomics.store(view, 0, 1);
        Atomics.notify(view, 0);
      });
  });
}
