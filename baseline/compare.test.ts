import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOf } from '../testing/baseline-fixtures.ts';
import { requirement } from '../testing/summaries.ts';
import { compareRuns, NotComparableError } from './compare.ts';
import { readSummaryFile, SummaryFileError } from './read.ts';

const tolerances = { latency: 25, throughput: 20, errorRate: 0 };
const fail = (ids: string[], r: { id: string; status: string }[]) =>
  r.filter((x) => x.status === 'fail' && ids.includes(x.id)).map((x) => x.id);

describe('baseline comparison (compareRuns)', () => {
  it('two runs of the same server, with their own jitter: no regression', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const old = runOf({ p50: 10, p95: 30, requests: 100, seed });
      const now = runOf({ p50: 10, p95: 30, requests: 100, seed: seed + 100 });
      const comparison = compareRuns(old, now, 'old.json', tolerances);
      assert.deepEqual(fail(['BASE-01', 'BASE-02', 'BASE-04'], comparison.results), [], `seed ${seed}`);
    }
  });

  it('a server twice as slow fails BASE-01, naming the endpoint and the figure', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100 });
    const now = runOf({ p50: 20, p95: 60, requests: 100, seed: 7 });
    const base01 = compareRuns(old, now, 'old.json', tolerances).results.find((r) => r.id === 'BASE-01')!;
    assert.equal(base01.status, 'fail');
    assert.match(base01.evidence.join('\n'), /refresh p95 latency: 30 ms → 60 ms, \+\d+\.\d% .*: regression/);
  });

  it('half the throughput fails BASE-02; more throughput is an improvement, never a failure', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100 });
    const slower = compareRuns(old, runOf({ p50: 10, p95: 30, requests: 50, seed: 3 }), 'old.json', tolerances);
    assert.deepEqual(fail(['BASE-02'], slower.results), ['BASE-02']);
    const faster = compareRuns(old, runOf({ p50: 5, p95: 15, requests: 200, seed: 3 }), 'old.json', tolerances);
    assert.deepEqual(fail(['BASE-01', 'BASE-02'], faster.results), []);
    assert.ok(faster.endpoints[0]!.figures.some((f) => f.judgement === 'improvement'));
  });

  it('errors beyond their noise fail BASE-04', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100 });
    const now = runOf({ p50: 10, p95: 30, requests: 100, errors: 100, seed: 2 });
    assert.deepEqual(fail(['BASE-04'], compareRuns(old, now, 'old.json', tolerances).results), ['BASE-04']);
  });

  it('a requirement that passed before and fails now fails BASE-03; a fixed one is reported', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100 }, [
      requirement('TOKEN-01', 'pass'),
      requirement('TOKEN-02', 'fail'),
    ]);
    const now = runOf({ p50: 10, p95: 30, requests: 100 }, [
      requirement('TOKEN-01', 'fail'),
      requirement('TOKEN-02', 'pass'),
    ]);
    const comparison = compareRuns(old, now, 'old.json', tolerances);
    assert.deepEqual(fail(['BASE-03'], comparison.results), ['BASE-03']);
    assert.deepEqual(
      comparison.requirements.fixed.map((c) => c.id),
      ['TOKEN-02'],
    );
  });

  it('too few windows: inconclusive, never a pass', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100, windows: 2 });
    const now = runOf({ p50: 10, p95: 30, requests: 100, windows: 2 });
    const base01 = compareRuns(old, now, 'old.json', tolerances).results.find((r) => r.id === 'BASE-01')!;
    assert.equal(base01.status, 'inconclusive');
  });

  it('runs with different settings are not comparable: exit 2 naming each difference', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100 });
    const now = runOf({ p50: 10, p95: 30, requests: 100 }, [], {
      settings: { engine: 'k6', model: 'open', rate: 50, connections: 8, duration_s: 10 },
      target: 'http://127.0.0.1:9999',
    });
    assert.throws(
      () => compareRuns(old, now, 'old.json', tolerances),
      (e: Error) =>
        e instanceof NotComparableError &&
        /engine: node in the baseline, k6 now; load model: closed .* open now; rate: 0 .* 50 now/.test(e.message) &&
        /target/.test(e.message),
    );
  });

  it('a baseline from another machine is a warning beside the comparison', () => {
    const old = runOf({ p50: 10, p95: 30, requests: 100 });
    const now = runOf({ p50: 10, p95: 30, requests: 100 }, [], {
      machine: {
        cores: 16,
        cpu_model: 'other',
        load_average: [0, 0, 0],
        node: 'v20.0.0',
        k6: null,
        platform: 'linux-x64',
      },
    });
    assert.match(compareRuns(old, now, 'old.json', tolerances).warnings.join(), /another machine \(cores: 2 .* 16 now/);
  });
});

describe('baseline files (readSummaryFile): exit 2 naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-read-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const good = JSON.stringify(runOf({ p50: 10, p95: 30, requests: 100 }));
  const cases: [string, () => string, RegExp][] = [
    ['missing', () => join(dir, 'nope.json'), /nope\.json: no such file/],
    ['a directory', () => (mkdirSync(join(dir, 'd'), { recursive: true }), join(dir, 'd')), /d: is a directory/],
    ['truncated', () => file('cut.json', good.slice(0, good.length / 2)), /cut\.json: is not complete JSON/],
    ['empty', () => file('empty.json', ''), /empty\.json: is empty/],
    ['not a summary', () => file('other.json', '{"hello": 1}'), /other\.json: is not a token-suite summary\.json/],
    [
      'a future version',
      () => file('future.json', JSON.stringify({ ...JSON.parse(good), schemaVersion: 99, extra: true })),
      /future\.json: was written by a newer token-suite .* format 99; this one reads up to 2/,
    ],
    [
      'a run that could not run',
      () => file('error.json', JSON.stringify({ ...JSON.parse(good), verdict: 'error', error: 'nope' })),
      /error\.json: is the summary of a run that could not run/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(name, () => {
      const path = make();
      assert.throws(
        () => readSummaryFile(path),
        (e: Error) => e instanceof SummaryFileError && e.exitCode === 2 && message.test(e.message),
      );
    });
  }
  it('unreadable', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads anything
    const path = file('locked.json', good);
    chmodSync(path, 0);
    assert.throws(() => readSummaryFile(path), /locked\.json: cannot be read \(EACCES\)/);
  });
  it('a summary from before schemaVersion (format 1) is read', () => {
    const { schemaVersion: _, machine: __, settings: ___, ...old } = JSON.parse(good) as Record<string, unknown>;
    assert.equal(readSummaryFile(file('v1.json', JSON.stringify(old))).verdict, 'pass');
  });
});
