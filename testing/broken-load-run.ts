// Runs the load layer, with one engine, on each server of broken-load-servers.ts and checks what it says.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLayer } from '../load/layer.ts';
import type { RequirementResult } from '../verdict/types.ts';
import { BROKEN_LOAD_SERVERS } from './broken-load-servers.ts';
import { createFakeServer, listenFake } from './fake-token-server.ts';
import { k6OrSkip } from './k6.ts';
import { contextFor } from './load-context.ts';

const shown = (r: RequirementResult | undefined) => (r ? `${r.id} ${r.status}: ${r.evidence.join('; ')}` : 'absent');

export function describeBrokenServers(engine: 'node' | 'k6'): void {
  describe(`load layer on broken servers (${engine} engine)`, function () {
    this.timeout(120_000);
    const reportDir = mkdtempSync(join(tmpdir(), `broken-load-${engine}-`));
    before(function () {
      if (engine === 'k6') k6OrSkip(this);
    });
    for (const broken of BROKEN_LOAD_SERVERS) {
      const ids = Object.keys(broken.expect).join(', ');
      it(`${broken.name}: ${ids}`, async () => {
        const server = createFakeServer(broken.flaws);
        const saved = Object.entries(broken.env ?? {}).map(([name, value]) => {
          const before = process.env[name];
          process.env[name] = value;
          return () => (before === undefined ? delete process.env[name] : (process.env[name] = before));
        });
        try {
          const url = await listenFake(server);
          const base = contextFor(url);
          const target = {
            ...base.target,
            rotationGraceSeconds: broken.graceSeconds,
            timeoutMs: broken.timeoutMs ?? base.target.timeoutMs,
          };
          const outcome = await loadLayer.run(
            contextFor(url, { engine, durationSeconds: broken.durationSeconds, target, reportDir }),
          );
          for (const [id, want] of Object.entries(broken.expect)) {
            const got = outcome.requirements.find((r) => r.id === id);
            assert.equal(got?.status, want.status, shown(got));
            assert.match(got.evidence.join(' '), want.evidence, shown(got));
          }
        } finally {
          for (const restore of saved) restore();
          server.close();
          server.closeAllConnections();
        }
      });
    }
  });
}
