// A worker thread for the shared digest set's test: adds its list of tokens to the shared set and posts
// how many it found already there, and how many it looked up.
import { parentPort, workerData } from 'node:worker_threads';
import { SharedDigestSet, type SharedDigestSetHandle } from '../load/node/shared-digest-set.ts';

const { handle, tokens } = workerData as { handle: SharedDigestSetHandle; tokens: string[] };
const set = new SharedDigestSet(handle);
let repeats = 0;
for (const token of tokens) if (!set.add(token)) repeats += 1;
parentPort?.postMessage({ repeats, checked: set.figures().checked });
