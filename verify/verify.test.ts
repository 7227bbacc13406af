import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../testing/cli.ts';
import { validateSummary } from '../schemas/validators.ts';
import { CONFORMANCE } from './catalog.ts';
import { startFault, type Fault } from '../testing/fault-servers.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'token-suite-'));
const readSummary = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));

describe('token-suite verify against the embedded reference server', () => {
  const dir = tempDir();
  let run: Awaited<ReturnType<typeof runCli>>;
  before(async () => (run = await runCli(['verify', '--only', 'conformance', '--report-dir', dir])));

  it('exits 0 with every MUST requirement passed', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /verdict: PASS/);
  });

  it('writes a summary.json that matches its published schema, one entry per requirement', () => {
    const summary = readSummary(dir);
    const valid = validateSummary(summary);
    assert.ok(valid.ok, valid.ok ? '' : valid.message);
    assert.equal(summary.requirements.length, CONFORMANCE.length);
    assert.equal(summary.embedded, true);
  });

  it('writes junit.xml with one test case per requirement, and a self-contained report.html', () => {
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    assert.equal(junit.match(/<testcase /g)?.length, CONFORMANCE.length);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /Verdict: <strong>PASS/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=["']?https?:/);
  });

  it('never prints the password or a whole token', () => {
    const everything = run.stdout + run.stderr + readFileSync(join(dir, 'summary.json'), 'utf8');
    assert.ok(!everything.includes('12312312'));
    assert.doesNotMatch(everything, /[0-9a-f]{32}[A-Za-z0-9]{224}/);
  });
});

describe('token-suite verify: exit 2 when it cannot run', () => {
  it('on an unreachable target, in one sentence naming it', async () => {
    const closed = await startFault('hang');
    await closed.stop();
    const { code, stderr } = await runCli(['verify', '--base-url', closed.url, '--report-dir', tempDir()]);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`Cannot reach ${closed.url} \\(ECONNREFUSED\\)`));
  });

  it('on a bad TOKEN_SUITE_LOAD_* value, naming the variable', async () => {
    const { code, stderr } = await runCli(['verify', '--only', 'load'], { TOKEN_SUITE_LOAD_MIX: 'chain:2,jump:1' });
    assert.equal(code, 2);
    assert.match(stderr, /TOKEN_SUITE_LOAD_MIX: unknown flow 'jump'/);
  });

  it('on --engine k6 when no k6 is on the PATH', async () => {
    const { code, stderr } = await runCli(['verify', '--engine', 'k6'], { PATH: dirname(process.execPath) });
    assert.equal(code, 2);
    assert.match(stderr, /no k6 executable on the PATH/);
  });

  it('on a report dir that cannot be written', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await runCli(['verify', '--report-dir', join(file, 'reports')]);
    assert.equal(code, 2);
    assert.match(stderr, /Cannot write reports to/);
  });

  it('on bad arguments: an unknown layer, a bad engine, a non-URL base', async () => {
    for (const args of [
      ['--only', 'conformance,speed'],
      ['--engine', 'jmeter'],
      ['--base-url', 'localhost:80'],
      ['--connections', '0'],
      ['--duration', 'long'],
    ]) {
      const { code, stderr } = await runCli(['verify', ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, new RegExp(args[0]!));
    }
  });

  it('on a target that answers nothing at all, within the timeout', async () => {
    const fault = await startFault('hang');
    try {
      const { code, stderr } = await runCli([
        'verify',
        '--base-url',
        fault.url,
        '--report-dir',
        tempDir(),
        '--timeout',
        '300',
      ]);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /did not answer within 300 ms/);
    } finally {
      await fault.stop();
    }
  });
});

describe('token-suite verify: faulty targets end in a failing verdict with evidence', () => {
  const cases: [Fault, RegExp][] = [
    ['hang-on-post', /no answer within 300 ms|stopped answering/],
    ['reset-on-post', /ECONNRESET|socket|other side closed|stopped answering/i],
    ['html', /text\/html/],
    ['server-errors', /503/],
  ];
  for (const [fault, evidence] of cases) {
    it(`${fault}: exit 1, reports written, the evidence says what happened`, async () => {
      const server = await startFault(fault);
      const dir = tempDir();
      try {
        const { code, stdout } = await runCli([
          'verify',
          '--only',
          'conformance',
          '--base-url',
          server.url,
          '--report-dir',
          dir,
          '--timeout',
          '300',
        ]);
        assert.equal(code, 1, stdout);
        const summary = readSummary(dir);
        assert.equal(summary.verdict, 'fail');
        const tokenIssue = summary.requirements.find((r: { id: string }) => r.id === 'TOKEN-01');
        assert.equal(tokenIssue.status, 'fail');
        assert.match(tokenIssue.evidence.join('\n'), evidence);
      } finally {
        await server.stop();
      }
    });
  }
});

describe('token-suite verify: secrets', () => {
  it('redacts the password even when the target echoes it into an error code', async () => {
    const server = await startFault('echo-password');
    const dir = tempDir();
    try {
      const secret = 'Sup3r-S3cret-Canary';
      const run = await runCli(
        ['verify', '--only', 'conformance', '--base-url', server.url, '--report-dir', dir, '--timeout', '300'],
        { TOKEN_SUITE_PASSWORD: secret },
      );
      assert.equal(run.code, 1);
      const summary = readSummary(dir);
      assert.equal(summary.requirements.find((r: { id: string }) => r.id === 'SECRET-01').status, 'fail');
      for (const file of ['summary.json', 'junit.xml', 'report.html'])
        assert.ok(!readFileSync(join(dir, file), 'utf8').includes(secret), file);
      assert.ok(!(run.stdout + run.stderr).includes(secret));
    } finally {
      await server.stop();
    }
  });
});

describe('token-suite verify: Ctrl-C', () => {
  it('writes the reports with what was measured so far, marked interrupted, and exits 130', async () => {
    const server = await startFault('slow');
    const dir = tempDir();
    try {
      const run = await runCli(
        ['verify', '--only', 'conformance', '--base-url', server.url, '--report-dir', dir],
        {},
        { interruptAfterMs: 2500 },
      );
      assert.equal(run.code, 130, run.stdout + run.stderr);
      const summary = readSummary(dir);
      assert.equal(summary.interrupted, true);
      assert.equal(summary.verdict, 'fail');
      assert.ok(summary.requirements.some((r: { status: string }) => r.status === 'inconclusive'));
      assert.ok(summary.requirements.some((r: { status: string }) => r.status !== 'inconclusive'));
    } finally {
      await server.stop();
    }
  });
});
