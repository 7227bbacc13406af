// The collector against what a network may send it, and its verdict when runners are missing: bad input is
// refused (4xx), logged and counted and leaves the merge untouched; a runner that never ends makes every
// requirement that would pass inconclusive, naming it; a token two runners were issued fails LOAD-05.
import assert from 'node:assert/strict';
import { TALLIES, VIOLATIONS } from '../../flows/rotation.ts';
import { parseLoadSettings } from '../../settings.ts';
import { judgeMerge } from './judge.ts';
import { RunMerge } from './merge.ts';
import { CollectServer } from './server.ts';
import { segmentsOf, type BatchMessage, type DoneMessage } from './wire.ts';

const RUN = 'run-a';
const [FIRST, SECOND] = segmentsOf(2) as [string, string];
const settings = parseLoadSettings({ BASE_URL: 'http://127.0.0.1:1' });
const hex = (n: number) => n.toString(16).padStart(16, '0');

/** One iteration of a correct server's flow: two tokens, a refresh chain, a replay rejected, a race. */
function batch(runner: string, vu: number, i: number, over: Partial<BatchMessage> = {}): BatchMessage {
  const at = Date.now() - 30_000 + i * 25;
  const tallies = TALLIES.map((t) =>
    ['rotations', 'replays', 'replays_outside_grace', 'family_probes', 'family_probes_outside_grace', 'races'].includes(
      t,
    )
      ? 1
      : 0,
  );
  return {
    run: RUN,
    runner,
    nonce: `n${vu}`,
    vu,
    digests: [hex(vu * 1_000_000 + i * 2), hex(vu * 1_000_000 + i * 2 + 1)],
    answers: [
      [0, at, 5 + (i % 3), 1],
      [1, at + 5, 3 + (i % 2), 1],
    ],
    tallies,
    violations: VIOLATIONS.map(() => 0),
    checks: [['refresh returns a valid new token pair', 1, 0]],
    ...over,
  };
}

function done(runner: string, batches: number, cutOff = 0): DoneMessage {
  return {
    run: RUN,
    runner,
    nonce: 'end',
    batches,
    batchesFailed: 0,
    iterations: batches,
    flowsStarted: batches + cutOff,
    flowsEnded: batches,
    durationMs: 12_000,
    profile: 'throughput',
    baseUrl: 'http://127.0.0.1:1',
    thresholdsFailed: [],
  };
}

/** Two runners, 240 iterations each (VUs 1 and 2 on the first, 3 and 4 on the second); ended as told. */
function feed(merge: RunMerge, ends: string[]): void {
  for (const [runner, vus] of [
    [FIRST, [1, 2]],
    [SECOND, [3, 4]],
  ] as const)
    for (let i = 0; i < 240; i += 1) {
      const taken = merge.take('/batch', JSON.stringify(batch(runner, vus[i % 2] as number, i)));
      assert.deepEqual(taken, { ok: true });
    }
  for (const runner of ends) assert.deepEqual(merge.take('/done', JSON.stringify(done(runner, 240))), { ok: true });
}

const newMerge = () => new RunMerge({ runId: RUN, runners: [FIRST, SECOND], uniqueCapacity: 100_000 });
const statusOf = (merge: RunMerge, id: string) =>
  judgeMerge(merge, settings, false).requirements.find((r) => r.id === id);

describe('token-suite collect: the merge and its verdict', () => {
  it("names runners by k6's reduced execution segments", () => {
    assert.deepEqual(segmentsOf(4), ['0:1/4', '1/4:1/2', '1/2:3/4', '3/4:1']);
    assert.deepEqual(segmentsOf(1), ['0:1']);
  });

  it('every runner ended: rotation, races and uniqueness pass on the tokens of both runners', () => {
    const merge = newMerge();
    feed(merge, [FIRST, SECOND]);
    const { requirements, load } = judgeMerge(merge, settings, false);
    for (const id of ['LOAD-03', 'LOAD-04', 'LOAD-05'])
      assert.equal(requirements.find((r) => r.id === id)?.status, 'pass', id);
    assert.ok(
      statusOf(merge, 'LOAD-05')?.evidence.includes(`across 2 runner(s): ${FIRST} 480 tokens, ${SECOND} 480 tokens`),
    );
    assert.equal(load.requests, 960);
    assert.deepEqual(
      load.runners.map((r) => r.state),
      ['finished', 'finished'],
    );
  });

  it("LOAD-06's windows cover the load asked for, when known, not the runners' graceful stop after it", () => {
    const merge = newMerge();
    feed(merge, [FIRST, SECOND]);
    // The runners report 12 s of run (load and graceful stop); the load was 9 s.
    const span = (plannedSeconds?: number) => {
      const { window_ms, windows } = judgeMerge(merge, settings, false, plannedSeconds).load.degradation;
      return window_ms * windows;
    };
    assert.equal(span(), 12_000);
    assert.equal(span(9), 9_000);
  });

  it("LOAD-01 is judged on the runners' flow counters: passed when none was cut off, failed when many were", () => {
    const whole = newMerge();
    feed(whole, [FIRST, SECOND]);
    assert.equal(statusOf(whole, 'LOAD-01')?.status, 'pass', statusOf(whole, 'LOAD-01')?.evidence.join('\n'));
    const cut = newMerge();
    feed(cut, []);
    for (const runner of [FIRST, SECOND]) cut.take('/done', JSON.stringify(done(runner, 240, 40)));
    const r = statusOf(cut, 'LOAD-01');
    assert.equal(r?.status, 'fail', r?.evidence.join('\n'));
    assert.match(r?.evidence.join('\n') ?? '', /80/);
  });

  it('a runner that never ended: nothing passes, and the evidence names it', () => {
    const merge = newMerge();
    feed(merge, [FIRST]);
    const { requirements } = judgeMerge(merge, settings, false);
    assert.ok(
      requirements.every((r) => r.status !== 'pass'),
      JSON.stringify(requirements.map((r) => r.status)),
    );
    for (const r of requirements.filter((r) => r.status === 'inconclusive'))
      assert.ok(
        r.evidence.some((e) => e.startsWith(`MISSING: runner ${SECOND} stopped mid-run`)),
        r.id,
      );
  });

  it('a runner that never reported is named, and a failure seen in what came stays a failure', () => {
    const merge = newMerge();
    const violations = VIOLATIONS.map((v) => (v === 'replay_accepted' ? 1 : 0));
    for (let i = 0; i < 40; i += 1) merge.take('/batch', JSON.stringify(batch(FIRST, 1, i, { violations })));
    merge.take('/done', JSON.stringify(done(FIRST, 40)));
    const { requirements } = judgeMerge(merge, settings, false);
    assert.equal(requirements.find((r) => r.id === 'LOAD-03')?.status, 'fail');
    const lines = requirements.flatMap((r) => r.evidence);
    assert.ok(lines.some((e) => e.includes(`runner ${SECOND} never reported`)));
  });

  it('a token issued on two runners fails LOAD-05', () => {
    const merge = newMerge();
    feed(merge, [FIRST]);
    const twice = batch(SECOND, 3, 999, { digests: [hex(1_000_000)] });
    assert.deepEqual(merge.take('/batch', JSON.stringify(twice)), { ok: true });
    merge.take('/done', JSON.stringify(done(SECOND, 241)));
    assert.equal(statusOf(merge, 'LOAD-05')?.status, 'fail');
  });

  it('lost batches (sent per the runner, not received) make LOAD-05 inconclusive, naming the runner', () => {
    const merge = newMerge();
    feed(merge, [FIRST]);
    merge.take('/done', JSON.stringify(done(SECOND, 250)));
    const r = statusOf(merge, 'LOAD-05');
    assert.equal(r?.status, 'inconclusive');
    assert.ok(r?.evidence.some((e) => e.includes(`runner ${SECOND} lost 10 of 250 batches`)));
  });
});

describe('token-suite collect: what the network may send', () => {
  let server: CollectServer;
  let merge: RunMerge;
  let url: string;
  const logged: string[] = [];
  beforeEach(async () => {
    merge = newMerge();
    logged.length = 0;
    server = new CollectServer({ merge, host: '127.0.0.1', port: 0, deadlineMs: 60_000, log: (l) => logged.push(l) });
    url = await server.listen();
  });
  afterEach(() => server.close());

  const post = async (path: string, body: string) => (await fetch(url + path, { method: 'POST', body })).status;

  it('refuses malformed, oversized, foreign, unknown, duplicate runners; logs, counts; merges the rest', async () => {
    const good = batch(FIRST, 1, 0);
    assert.equal(await post('/batch', JSON.stringify(good)), 204);
    assert.equal(await post('/batch', '{"run":'), 400);
    assert.equal(await post('/batch', JSON.stringify({ ...good, digests: ['xyz'] })), 400);
    assert.equal(await post('/batch', JSON.stringify({ ...good, answers: [[0, 1, -5, 1]] })), 400);
    assert.equal(await post('/batch', JSON.stringify({ ...good, tallies: [1] })), 400);
    assert.equal(await post('/batch', JSON.stringify({ ...good, answers: [[0, 1, 5, 1]] })), 400);
    assert.equal(await post('/batch', 'x'.repeat(2 << 20)), 413);
    assert.equal(await post('/batch', JSON.stringify({ ...good, run: 'run-b' })), 409);
    assert.equal(await post('/batch', JSON.stringify({ ...good, runner: '0:1/3' })), 409);
    assert.equal(await post('/batch', JSON.stringify({ ...good, nonce: 'another-process' })), 409);
    assert.equal(await post('/nowhere', '{}'), 404);
    assert.equal((await fetch(url + '/batch')).status, 404);
    assert.equal(await post('/done', JSON.stringify(done(FIRST, 1))), 204);
    assert.equal(await post('/done', JSON.stringify(done(FIRST, 1))), 409);
    assert.deepEqual(merge.rejected, {
      malformed: 5,
      oversized: 1,
      'another run': 1,
      'unknown runner': 1,
      'duplicate runner': 2,
      'not found': 2,
    });
    assert.equal(logged.length, 12);
    assert.ok(
      logged.some((l) => /refused a message from 127\.0\.0\.1:\d+ \(oversized, #1\)/.test(l)),
      logged.join('\n'),
    );
    assert.equal(merge.tokens, 2);
    assert.equal(merge.runners.get(FIRST)?.duplicated, true);
    const r = statusOf(merge, 'LOAD-05');
    assert.ok(r?.evidence.some((e) => e.includes(`runner ${FIRST} was claimed by two processes`)));
    assert.equal(await post('/batch', JSON.stringify(batch(SECOND, 3, 0))), 204, 'still serving');
  });

  it('ends when every runner ended, and at its deadline otherwise', async () => {
    await post('/done', JSON.stringify(done(FIRST, 0)));
    await post('/done', JSON.stringify(done(SECOND, 0)));
    assert.equal(await server.ended, 'all ended');
    const late = new CollectServer({
      merge: newMerge(),
      host: '127.0.0.1',
      port: 0,
      deadlineMs: 50,
      log: () => undefined,
    });
    await late.listen();
    assert.equal(await late.ended, 'deadline');
    await late.close();
  });
});
