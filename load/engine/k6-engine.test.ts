// --engine k6, end to end, with the harness standing in for the k6 executable (k6 cannot be
// installed here): the bundle runs under profile "load" and its summary becomes the load report.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createTokenServer, listen } from '../../server/index.ts';
import { contextFor } from '../../testing/load-context.ts';
import { runLoad } from '../layer.ts';
import { loadRequirements } from '../report/requirements.ts';
import { findK6 } from './k6-engine.ts';

describe('k6 engine (through a stand-in k6 executable)', () => {
  let bin: string;
  let server: Server;
  let url: string;
  const path = process.env.PATH;

  before(async () => {
    bin = mkdtempSync(join(tmpdir(), 'token-suite-k6-bin-'));
    const cli = fileURLToPath(new URL('../harness/k6-cli.ts', import.meta.url));
    writeFileSync(
      join(bin, 'k6'),
      `#!/bin/sh\nexec "${process.execPath}" --import "${new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href}" "${cli}" "$@"\n`,
    );
    chmodSync(join(bin, 'k6'), 0o755);
    server = createTokenServer();
    url = await listen(server);
  });
  after(async () => {
    process.env.PATH = path;
    rmSync(bin, { recursive: true, force: true });
    await close(server);
  });

  it('finds k6 on the PATH, which `--engine auto` then prefers', () => {
    assert.equal(findK6(`/nonexistent:${bin}`), join(bin, 'k6'));
    assert.equal(findK6('/nonexistent'), null);
  });

  it('runs the mix bundle with k6 and reads its summary and samples into the same report', async () => {
    process.env.PATH = `${bin}:${path}`;
    const reportDir = mkdtempSync(join(tmpdir(), 'token-suite-k6-report-'));
    try {
      const report = await runLoad(contextFor(url, { engine: 'k6', reportDir, durationSeconds: 2 }), {
        connections: 2,
      });
      assert.equal(report.engine, 'k6');
      assert.ok(report.requests > 0 && report.endpoints.refresh.requests > 0, JSON.stringify(report).slice(0, 300));
      assert.ok(report.rotation.rotations > 0 && report.rotation.replays > 0, JSON.stringify(report.rotation));
      assert.ok(report.series.length >= 1, 'a time series from the samples');
      const failed = loadRequirements(report).filter((r) => r.status === 'fail');
      assert.deepEqual(
        failed.map((r) => `${r.id}: ${r.evidence.join('; ')}`),
        [],
      );
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  });
});
