// Targets that pass the preflight and then fail: the failing verdict names what happened; a server that
// issues no valid pair fails TOKEN-01 and leaves what needs a token inconclusive, never passed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../testing/cli.ts';
import { startFault, type Fault } from '../testing/fault-servers.ts';
import { readSummary, tempDir } from '../testing/reports.ts';
import type { Summary } from '../verdict/summary.ts';

const byId = (summary: Summary, id: string) => summary.requirements.find((r) => r.id === id)!;

async function verifyAgainst(fault: Fault, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const server = await startFault(fault);
  const dir = tempDir();
  try {
    const run = await runCli(
      ['verify', '--only', 'conformance', '--base-url', server.url, '--report-dir', dir, ...args],
      env,
    );
    return { run, dir, summary: readSummary(dir) };
  } finally {
    await server.stop();
  }
}

describe('token-suite verify: targets that fail after the preflight', () => {
  // Every request after the preflight hangs until the deadline, about 25 times in a run: a short one (the
  // preflight's answers take a few ms here, scrypt cost 1024).
  const cases: [Fault, RegExp][] = [
    ['hang-on-post', /no answer within 400 ms/],
    ['reset-on-post', /closed without an answer|ECONNRESET|socket hang up/i],
  ];
  for (const [fault, evidence] of cases) {
    it(`${fault}: exit 1, reports written, the evidence names the request and what happened`, async () => {
      const { run, summary } = await verifyAgainst(fault, ['--timeout', '400']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.equal(summary.verdict, 'fail');
      const first = byId(summary, 'TOKEN-01');
      assert.equal(first.status, 'fail');
      assert.match(first.evidence.join('\n'), evidence);
      assert.match(first.evidence.join('\n'), /POST http:\/\/127\.0\.0\.1:\d+\/v1\/token/);
      // The breaker is per endpoint and per check: every later check sends its own request, and its own
      // unanswered request is its finding (never "inconclusive because an earlier check saw a hang").
      const later = byId(summary, 'REFRESH-01');
      assert.equal(later.status, 'fail', later.evidence.join('\n'));
      assert.match(later.evidence.join('\n'), evidence);
      assert.equal(summary.requirements.filter((r) => r.status === 'pass' && r.level === 'MUST').length, 0);
    });
  }

  it('hang-on-json: ROBUST-01 fails naming both hanging cases; the other cases and checks keep theirs', async () => {
    const { run, summary } = await verifyAgainst('hang-on-json', ['--timeout', '2000']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const robust = byId(summary, 'ROBUST-01');
    assert.equal(robust.status, 'fail');
    const evidence = robust.evidence.join('\n');
    assert.match(evidence, /FAILED: real credentials as JSON → no answer within 2000 ms \(the request was complete/);
    assert.match(evidence, /FAILED: refresh: a JSON body → no answer within 2000 ms/);
    assert.match(evidence, /ok: real credentials as text\/plain → 4\d\d/, 'the case after the hang was judged');
    assert.match(evidence, /ok: username repeated: real, then unknown → 4\d\d/, 'the case before the hang was judged');
    const failed = summary.requirements.filter((r) => r.status === 'fail').map((r) => r.id);
    assert.deepEqual(failed, ['ROBUST-01']);
    const inconclusive = summary.requirements.filter((r) => r.status === 'inconclusive').map((r) => r.id);
    assert.deepEqual(inconclusive, ['ROBUST-02'], 'a hung case shows no answer, so ROBUST-02 cannot judge it');
  });

  it('refresh-404: the grant worked on this origin, so a missing refresh endpoint is REFRESH-01 (exit 1)', async () => {
    const { run, summary } = await verifyAgainst('refresh-404', ['--timeout', '2000']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const refresh = byId(summary, 'REFRESH-01');
    assert.equal(refresh.status, 'fail');
    assert.match(refresh.evidence.join('\n'), /POST http:\/\/127\.0\.0\.1:\d+\/v1\/refresh\/token → 404 \(text\/html/);
  });

  it('hang-on-odd-input: the breaker opens for /v1/token in ROBUST-01 only, and says so', async () => {
    const { run, summary } = await verifyAgainst('hang-on-odd-input', ['--timeout', '2000']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const evidence = byId(summary, 'ROBUST-01').evidence.join('\n');
    assert.match(evidence, /FAILED: real credentials as JSON → no answer within 2000 ms/);
    assert.match(
      evidence,
      /MISSING: real credentials with PUT → not sent: \/v1\/token stopped answering during ROBUST-01/,
    );
    assert.match(evidence, /ok: refresh: bad percent-encoding → 4\d\d/, 'another endpoint is still sent');
    for (const id of ['REFRESH-01', 'REFRESH-04', 'REFRESH-08', 'SECRET-01', 'TOKEN-12']) {
      assert.equal(byId(summary, id).status, 'pass', `${id}: ${byId(summary, id).evidence.join('\n')}`);
    }
  });

  it('200 {} to every grant: exit 1, TOKEN-01 failed, and no MUST that needs a token passed', async () => {
    const { run, summary } = await verifyAgainst('empty-pairs');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(byId(summary, 'TOKEN-01').status, 'fail');
    const needsToken = [
      'TOKEN-11',
      'REFRESH-01',
      'REFRESH-02',
      'REFRESH-03',
      'REFRESH-04',
      'REFRESH-06',
      'REFRESH-07',
      'REFRESH-08',
      'TOKEN-12',
    ];
    for (const id of needsToken) assert.notEqual(byId(summary, id).status, 'pass', id);
    assert.equal(byId(summary, 'REFRESH-02').status, 'inconclusive');
  });

  it('a server whose expiresIn reads 3599 (remaining lifetime) passes TOKEN-03 with a note, no warning', async () => {
    const { run, summary } = await verifyAgainst('expires-3599');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const expiry = byId(summary, 'TOKEN-03');
    assert.equal(expiry.status, 'pass', expiry.evidence.join('\n'));
    assert.match(expiry.evidence.join('\n'), /3599, 3600[\s\S]*remaining lifetime/);
  });
});

describe('token-suite verify: secrets', () => {
  it('redacts the password even when the target echoes it into an error', async () => {
    const server = await startFault('echo-password');
    const dir = tempDir();
    try {
      // The upstream knows only the documented user, so the secret here is the documented password.
      const run = await runCli(['verify', '--only', 'conformance', '--base-url', server.url, '--report-dir', dir], {});
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.equal(byId(readSummary(dir), 'SECRET-01').status, 'fail');
      for (const file of ['summary.json', 'junit.xml', 'report.html']) {
        const text = readFileSync(join(dir, file), 'utf8');
        assert.ok(!text.includes('12312312'), file);
      }
      assert.ok(!(run.stdout + run.stderr).includes('12312312'));
    } finally {
      await server.stop();
    }
  });
});

describe('token-suite verify: Ctrl-C', () => {
  for (const twice of [false, true]) {
    const how = twice ? ' (two SIGINTs at once, as npm forwards them)' : '';
    it(`writes the reports with what was measured so far, marked interrupted, and exits 130${how}`, async () => {
      const server = await startFault('slow');
      const dir = tempDir();
      try {
        const run = await runCli(
          ['verify', '--only', 'conformance', '--base-url', server.url, '--report-dir', dir],
          {},
          { interruptWhen: /TOKEN-0[45]/, interruptTwice: twice },
        );
        assert.equal(run.code, 130, run.stdout + run.stderr);
        const summary = readSummary(dir);
        assert.equal(summary.interrupted, true);
        assert.equal(summary.verdict, 'interrupted');
        assert.ok(summary.requirements.some((r) => r.status === 'inconclusive'));
        assert.ok(summary.requirements.some((r) => r.status === 'pass'));
        assert.doesNotMatch(run.stdout, /verdict: FAIL/);
      } finally {
        await server.stop();
      }
    });
  }
});

describe('token-suite verify: the run deadline', () => {
  it('stops a run that takes too long, says so, and leaves what it could not judge inconclusive (exit 3)', async () => {
    const { run, summary } = await verifyAgainst('slow', [], { TOKEN_SUITE_RUN_DEADLINE: '4' });
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.ok(run.ms < 4000 * 3 + 10_000, `took ${run.ms} ms`);
    assert.equal(summary.verdict, 'inconclusive');
    assert.match(summary.notes.join('\n'), /stopped at its deadline of 4 s/);
    const stopped = summary.requirements.filter((r) => r.status === 'inconclusive');
    assert.match(stopped.at(-1)!.evidence.join('\n'), /deadline of 4 s passed/);
  });
});
