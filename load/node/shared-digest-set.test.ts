// The digest set the engine's workers share: tokens added by different threads at the same time are
// compared with each other exactly (a token issued to two workers is caught once), in fixed memory.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSharedDigestSet, SharedDigestSet } from './shared-digest-set.ts';
import { spawnTsWorker } from './spawn-worker.ts';

const token = () => randomBytes(96).toString('base64');

interface Added {
  repeats: number;
  checked: number;
}

function addInWorker(handle: ReturnType<typeof createSharedDigestSet>, tokens: string[]): Promise<Added> {
  const worker = spawnTsWorker(new URL('../../testing/digest-set-worker.ts', import.meta.url), {
    workerData: { handle, tokens },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (added: Added) => {
      resolve(added);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('SharedDigestSet', function () {
  this.timeout(60_000);

  it('two threads adding overlapping tokens at once catch every shared token exactly once', async () => {
    const shared = Array.from({ length: 20_000 }, token);
    const own = () => Array.from({ length: 30_000 }, token);
    const handle = createSharedDigestSet(200_000);
    const [a, b] = [own(), own()];
    // Each thread also repeats some of its own tokens: 1,000 repeats each.
    const added = await Promise.all([
      addInWorker(handle, [...shared, ...a, ...a.slice(0, 1000)]),
      addInWorker(handle, [...b, ...shared, ...b.slice(0, 1000)]),
    ]);
    assert.equal(added[0].repeats + added[1].repeats, shared.length + 2000);
    assert.equal(added[0].checked + added[1].checked, 2 * shared.length + a.length + b.length + 2000);
    assert.deepEqual(new SharedDigestSet(handle).figures(), {
      checked: 0,
      remembered: shared.length + a.length + b.length,
      capacity: 200_000,
      memoryBytes: 524_288 * 8,
    });
  });

  it('stops storing at capacity (exactly, across threads), still catching repeats of stored tokens', async () => {
    const handle = createSharedDigestSet(10_000);
    const tokens = Array.from({ length: 8_000 }, token);
    await Promise.all([
      addInWorker(handle, tokens.slice(0, 4000).concat(tokens.slice(4000, 6000))),
      addInWorker(handle, tokens.slice(4000)),
    ]);
    const set = new SharedDigestSet(handle);
    assert.equal(set.figures().remembered, 8_000);
    const more = Array.from({ length: 3_000 }, token);
    await Promise.all([addInWorker(handle, more.slice(0, 1500)), addInWorker(handle, more.slice(1500))]);
    assert.equal(set.figures().remembered, 10_000);
    assert.equal(set.add(tokens[123] as string), false);
  });
});
