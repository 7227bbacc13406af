// The real CLI against targets that guard themselves (testing/guarded-servers.ts): rate limiters that answer
// 429 + Retry-After (seconds) or 503 + Retry-After (HTTP-date), and brute-force protection that locks a
// username after N failed logins. A correct server behind them is never the server's failure (exit 0, or 3
// naming the throttling or the lock); a broken one behind a limiter still fails on its defect.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';
import { runCli } from '../testing/cli.ts';
import { startGuarded, type Guard } from '../testing/guarded-servers.ts';
import { readSummary, tempDir } from '../testing/reports.ts';
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import type { Summary } from '../verdict/summary.ts';

const BUCKET: Guard = { kind: 'bucket', capacity: 20, perSecond: 20 };

async function verifyBehind(guard: Guard, { mutant, args = [] }: { mutant?: string; args?: string[] } = {}) {
  const server = await startGuarded(guard, mutant);
  const dir = tempDir();
  try {
    const run = await runCli(
      ['verify', '--only', 'conformance,contract', '--base-url', server.url, '--report-dir', dir, ...args],
      {},
      { timeoutMs: 600_000 },
    );
    return { run, summary: readSummary(dir), stats: server.stats };
  } finally {
    await server.stop();
  }
}

const output = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`.slice(-4000);
const status = (summary: Summary, id: string) => summary.requirements.find((r) => r.id === id)?.status;

/** No requirement was passed or failed on a throttled answer: a 429/503 line only ever says what was MISSING. */
function judgedOnNoThrottling(summary: Summary): void {
  for (const r of summary.requirements) {
    for (const line of r.evidence) {
      if (line.startsWith('MISSING')) continue;
      assert.doesNotMatch(line, /→ (429|503)\b|got (429|503)\b|but was (429|503)\b/, `${r.id}: ${line}`);
    }
  }
}

describe('token-suite verify behind a rate limiter (RFC 6585 §4, RFC 9110 §10.2.3)', function () {
  // Behind 20 requests/s in bursts of 20, a run is throttled about 60 times (races, the contract's replays, runs
  // of checks) and takes 15 s here on a quiet machine, 28 s behind the gateway (an HTTP-date rounds every wait up
  // to whole seconds); behind 8/s in bursts of 10 it took 35 and 58 s to show no more. The timeout is a bound
  // against a hang, with room for a busy machine.
  this.timeout(240_000);
  it('token bucket, 429 + Retry-After seconds: a correct server gets exit 0 or 3, never 1', async () => {
    const { run, summary, stats } = await verifyBehind(BUCKET);
    assert.ok(stats.throttled > 0, 'the limiter did throttle the run');
    assert.ok(run.code === 0 || run.code === 3, output(run));
    assert.match(summary.notes.join('\n'), /throttled the suite: \d+× 429, last Retry-After: \d+/);
    for (const r of summary.requirements.filter((x) => x.status === 'inconclusive')) {
      assert.match(r.evidence.join('\n'), /throttling|429/, `${r.id} inconclusive for another reason`);
    }
    judgedOnNoThrottling(summary);
  });

  it('gateway, 503 + Retry-After HTTP-date: a correct server gets exit 0 or 3, never 1', async () => {
    const { run, summary, stats } = await verifyBehind({ kind: 'gateway', capacity: 20, perSecond: 20 });
    assert.ok(stats.throttled > 0, 'the gateway did throttle the run');
    assert.ok(run.code === 0 || run.code === 3, output(run));
    assert.match(summary.notes.join('\n'), /throttled the suite: \d+× 503, last Retry-After: \w{3}, \d\d \w{3} \d{4}/);
    judgedOnNoThrottling(summary);
  });

  it('a broken server (replays accepted) behind the same limiter still fails on its defect', async () => {
    const { run, summary, stats } = await verifyBehind(BUCKET, { mutant: 'replay-accepted' });
    assert.ok(stats.throttled > 0, 'the limiter did throttle the run');
    assert.equal(run.code, 1, output(run));
    assert.equal(status(summary, 'REFRESH-03'), 'fail');
    assert.equal(status(summary, 'TOKEN-01'), 'pass');
    assert.equal(status(summary, 'REFRESH-01'), 'pass');
    judgedOnNoThrottling(summary);
  });

  it('a wait budget too small for the limiter: exit 3, the sentence names the 429s and the fix', async () => {
    const { run, summary } = await verifyBehind(BUCKET, { args: ['--throttle-budget', '2'] });
    assert.equal(run.code, 3, output(run));
    const sentences = summary.requirements.flatMap((r) => r.evidence).join('\n');
    assert.match(
      sentences,
      /kept throttling \(\d+× 429, last Retry-After: \d+\).*--throttle-budget.*exempt the test client/,
    );
    judgedOnNoThrottling(summary);
  });
});

describe('token-suite verify: the preflight behind a limiter that never lets through', () => {
  it('waits within the budget, then exit 2 with one sentence naming the throttling and the fix', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(429, { 'retry-after': '3' }).end());
    });
    const url = await listen(server);
    const dir = tempDir();
    try {
      const run = await runCli(['verify', '--base-url', url, '--report-dir', dir, '--throttle-budget', '4']);
      assert.equal(run.code, 2, output(run));
      const sentence = /preflight got no answer: the target kept throttling \(2× 429, last Retry-After: 3\)/;
      assert.match(run.stderr, sentence);
      assert.match(run.stderr, /--throttle-budget/);
      assert.match(readSummary(dir).error ?? '', sentence);
    } finally {
      await close(server);
    }
  });
});

describe('token-suite verify against brute-force protection', () => {
  const configured = DOCUMENTED_CREDENTIALS.username;

  it('locks after 5 failed logins: the run makes at most 3 on the configured account and is never exit 1', async () => {
    const { run, summary, stats } = await verifyBehind({ kind: 'lockout', after: 5 });
    assert.ok(run.code === 0 || run.code === 3 || run.code === 2, output(run));
    assert.ok(
      (stats.failures.get(configured) ?? 0) <= 3,
      `failed logins on ${configured}: ${stats.failures.get(configured)}`,
    );
    assert.ok(!stats.locked.has(configured));
    assert.match(summary.notes.join('\n'), /failed logins on the configured username .*token-suite\.invalid/);
  });

  it('locks after 2: the run stops, saying the account appears locked (exit 3), never exit 1', async () => {
    const { run, summary, stats } = await verifyBehind({ kind: 'lockout', after: 2 });
    assert.ok(stats.locked.has(configured), 'the guard did lock the configured account');
    assert.equal(run.code, 3, output(run));
    const evidence = summary.requirements.flatMap((r) => r.evidence).join('\n');
    assert.match(
      evidence,
      /the account appears locked after 2 failed logins by this run: use a dedicated test account or exempt it/,
    );
  });
});
