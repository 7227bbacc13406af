// Starts a worker thread on a TypeScript entry: Node 20 does not apply tsx to a worker's entry, so a
// one-line bootstrap registers tsx's ESM hooks first, then imports the entry.
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = import.meta.resolve('tsx/esm/api');

export function spawnTsWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const bootstrap =
    `import(${JSON.stringify(TSX_API)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
