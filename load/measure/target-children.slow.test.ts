// A local server's children are the server: one that forks CPU-hungry work mid-run (a compaction) and slows
// down by it fails LOAD-06 with both engines; were its children counted as a neighbour arriving, the machine
// would look busier and the slowdown inconclusive (seen so with the Node engine before withDescendants).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLayer } from '../layer.ts';
import { startForkingServer } from '../../testing/forking-server.ts';
import { k6OrSkip } from '../../testing/k6.ts';
import { contextFor } from '../../testing/load-context.ts';

for (const engine of ['node', 'k6'] as const) {
  describe(`a local server that forks CPU-hungry work mid-run (${engine} engine)`, function () {
    this.timeout(120_000);
    before(function () {
      if (engine === 'k6') k6OrSkip(this);
    });

    it('fails LOAD-06: its children are the server, not a neighbour arriving', async () => {
      const seconds = 9;
      // Eight busy loops from halfway: the server's thread gets a fraction of a core in the last third.
      const server = await startForkingServer((seconds * 1000) / 2, 8);
      try {
        const reportDir = mkdtempSync(join(tmpdir(), `target-children-${engine}-`));
        const outcome = await loadLayer.run(contextFor(server.url, { engine, durationSeconds: seconds, reportDir }));
        const load06 = outcome.requirements.find((r) => r.id === 'LOAD-06');
        const shown = `${load06?.status}: ${load06?.evidence.join(' | ')}`;
        assert.equal(load06?.status, 'fail', shown);
        assert.doesNotMatch(shown, /the machine got busier/);
      } finally {
        server.stop();
      }
    });
  });
}
