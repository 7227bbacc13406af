// --engine k6 and auto without a real k6: a stand-in k6 (testing/k6.ts fakeK6, a shell script) shows how the
// suite treats a k6 that is too old, cannot initialise the bundle, or dies mid-run: never the server's
// fault. The spawned CLI and the real k6 runs are in load/k6/engine.slow.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close, createTokenServer, listen } from '../../servers/reference/index.ts';
import { fakeK6 } from '../../testing/k6.ts';
import { contextFor } from '../../testing/load-context.ts';
import { CannotRunError } from '../../verdict/errors.ts';
import type { LayerContext } from '../../verdict/types.ts';
import { loadLayer } from '../layer.ts';
import type { LoadReport } from '../report/load-report.ts';
import { isSupported, parseK6Version } from './check.ts';

const OLD_K6 = 'echo "k6 v0.48.0 (go1.21.5, linux/amd64)"';
const K6_V049 = 'echo "k6 v0.49.0 (go1.19.8, linux/amd64)"';

describe('k6 engine', function () {
  this.timeout(180_000);
  let server: Server;
  let url: string;
  let reportDir: string;
  const path = process.env.PATH;
  before(async () => {
    server = createTokenServer({ scryptCost: 1024 });
    url = await listen(server);
    reportDir = mkdtempSync(join(tmpdir(), 'token-suite-k6-engine-'));
  });
  after(async () => {
    process.env.PATH = path;
    rmSync(reportDir, { recursive: true, force: true });
    await close(server);
  });
  afterEach(() => (process.env.PATH = path));

  const context = (engine: LayerContext['engine'], lines: string[] = [], notes: string[] = []) =>
    contextFor(url, {
      engine,
      reportDir,
      durationSeconds: 3,
      log: (line) => lines.push(line),
      note: (line) => notes.push(line),
    });
  const withFakeK6 = (script: Parameters<typeof fakeK6>[0]) => (process.env.PATH = `${fakeK6(script)}:${path}`);

  it('reads k6 version lines and accepts k6 v0.49.0 and later only', () => {
    assert.deepEqual(parseK6Version('k6 v0.49.0 (go1.19.8, linux/amd64)'), [0, 49, 0]);
    assert.deepEqual(parseK6Version('k6 v1.2.3 (commit/abc, go1.24.1, linux/amd64)'), [1, 2, 3]);
    assert.equal(parseK6Version('command not found'), null);
    assert.deepEqual(
      [
        [0, 48, 9],
        [0, 49, 0],
        [0, 50, 0],
        [1, 0, 0],
      ].map(isSupported),
      [false, true, true, true],
    );
  });

  describe('a k6 that cannot run (stand-in k6)', () => {
    it('auto: a k6 older than 0.49 falls back to the Node engine with a warning and a note', async () => {
      withFakeK6({ version: OLD_K6 });
      const lines: string[] = [];
      const notes: string[] = [];
      const outcome = await loadLayer.run({ ...context('auto', lines, notes), durationSeconds: 1 });
      assert.equal((outcome.load as unknown as LoadReport).engine, 'node');
      assert.match(notes.join('\n'), /k6 v0\.48\.0 .*is older than k6 v0\.49\.0.*Node engine ran/s);
      assert.ok(
        lines.some((l) => /warning: .*cannot run/.test(l)),
        lines.join('\n'),
      );
      // The Node engine judged the run: on the reference server nothing fails (a busy machine may leave a
      // timing requirement inconclusive; passing on the reference server is load/layer.slow.test.ts's).
      assert.deepEqual(
        outcome.requirements.map((r) => r.id),
        ['LOAD-01', 'LOAD-02', 'LOAD-03', 'LOAD-07', 'LOAD-04', 'LOAD-05', 'LOAD-06'],
      );
      assert.deepEqual(
        outcome.requirements.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.evidence.join('; ')}`),
        [],
      );
    });

    it('--engine k6: the same k6 stops the run with exit 2 (CannotRunError), not a failed server', async () => {
      withFakeK6({ version: OLD_K6 });
      await assert.rejects(
        loadLayer.run(context('k6')),
        (error: Error) => error instanceof CannotRunError && /older than k6 v0\.49\.0/.test(error.message),
      );
    });

    it("--engine k6: a bundle that does not initialise gives exit 2 with k6's own error line", async () => {
      withFakeK6({
        version: K6_V049,
        inspect: `printf '%s\\n' 'time="2026-01-01T00:00:00Z" level=error msg="SyntaxError: Invalid regular expression (regexp2): [x] range in reverse order\\n\\tat file:///mix.js:9:1" hint="script exception"' >&2; exit 107`,
      });
      await assert.rejects(loadLayer.run(context('k6')), (error: Error) => {
        assert.ok(error instanceof CannotRunError);
        const k6Line =
          /cannot initialise .*mix\.js: SyntaxError: Invalid regular expression \(regexp2\): /.source +
          /\[x\] range in reverse order \(script exception\)/.source;
        assert.match(error.message, new RegExp(k6Line));
        assert.doesNotMatch(error.message, /at file:/, 'the first line only, no stack');
        return true;
      });
    });

    it("a k6 that dies mid-run leaves every load requirement inconclusive, with k6's lines as evidence", async () => {
      const crash = 'time="2026-01-01T00:00:00Z" level=error msg="GoError: engine crashed" hint="internal"';
      withFakeK6({ version: K6_V049, run: `printf '%s\\n' '${crash}' >&2; exit 103` });
      const outcome = await loadLayer.run(context('k6'));
      assert.ok(outcome.requirements.length >= 7);
      for (const r of outcome.requirements) {
        assert.equal(r.status, 'inconclusive', r.id);
        assert.match(r.evidence.join('\n'), /k6 exited with 103: GoError: engine crashed \(internal\)/);
        assert.match(r.evidence.join('\n'), /^k6: GoError: engine crashed \(internal\)$/m);
        assert.doesNotMatch(r.evidence.join('\n'), /\bat .*\.ts:\d+/, 'no Node stack');
      }
    });
  });
});
