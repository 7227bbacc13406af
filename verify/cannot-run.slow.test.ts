// Exit 2: the suite could not run or judge. One sentence on stderr that names the mistake, and a fresh
// summary.json with verdict "error" (never the previous run's pass), within 30 s.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateSummary } from '../schemas/validators.ts';
import { runCli } from '../testing/cli.ts';
import { startFault, type Fault } from '../testing/fault-servers.ts';
import { startServer } from '../testing/reference-server.ts';
import { readSummary, tempDir } from '../testing/reports.ts';

const HANG_BOUND_MS = 30_000;

async function expectCannotRun(args: string[], sentence: RegExp, env: NodeJS.ProcessEnv = {}) {
  const dir = tempDir();
  const run = await runCli(['verify', '--report-dir', dir, ...args], env);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stderr, sentence);
  assert.ok(run.ms < HANG_BOUND_MS, `took ${run.ms} ms`);
  return { run, dir };
}

function assertErrorSummary(dir: string, sentence: RegExp) {
  const summary = readSummary(dir);
  const valid = validateSummary(summary);
  assert.ok(valid.ok, valid.ok ? '' : valid.message);
  assert.equal(summary.verdict, 'error');
  assert.match(summary.error ?? '', sentence);
  assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /<error message=/);
}

describe('token-suite verify: exit 2 when it cannot run or judge', () => {
  it('on an unreachable target, in one sentence naming it', async () => {
    const closed = await startFault('hang');
    await closed.stop();
    const { dir } = await expectCannotRun(
      ['--base-url', closed.url],
      new RegExp(`Cannot reach ${closed.url} \\(ECONNREFUSED\\)`),
    );
    assertErrorSummary(dir, /Cannot reach/);
  });

  it('on a target that answers nothing at all, within the timeout', async () => {
    const fault = await startFault('hang');
    try {
      await expectCannotRun(['--base-url', fault.url, '--timeout', '300'], /did not answer within 300 ms/);
    } finally {
      await fault.stop();
    }
  });

  it('on a wrong password: the credentials were rejected, with the status and code', async () => {
    const server = await startServer();
    try {
      const { dir } = await expectCannotRun(
        ['--base-url', server.url],
        /rejected the configured credentials with 400 invalid_grant; check TOKEN_SUITE_CLIENT_ID/,
        { TOKEN_SUITE_PASSWORD: 'not-the-password' },
      );
      assertErrorSummary(dir, /rejected the configured credentials/);
    } finally {
      await server.stop();
    }
  });

  it('on a wrong path prefix: the full URL that 404d, and that --base-url is the origin', async () => {
    const server = await startServer();
    try {
      const sentence = new RegExp(`POST ${server.url}/v1/v1/token answered 404 .*--base-url is the server's origin`);
      await expectCannotRun(['--base-url', `${server.url}/v1`], sentence);
    } finally {
      await server.stop();
    }
  });

  const notThisApi: [Fault, RegExp][] = [
    [
      'html',
      /answered 200 \(text\/html\) .*not JSON: this does not look like the echon token API \(the body starts '<html>/,
    ],
    ['server-errors', /answered 503 .*the server is failing or unavailable/],
  ];
  for (const [fault, sentence] of notThisApi) {
    it(`on a target that is not this API or not up (${fault})`, async () => {
      const server = await startFault(fault);
      try {
        const { dir } = await expectCannotRun(['--base-url', server.url], sentence);
        assertErrorSummary(dir, sentence);
      } finally {
        await server.stop();
      }
    });
  }

  it("replaces the previous run's reports with the error reports, and leaves other files alone", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'summary.json'), '{"verdict":"pass"}');
    writeFileSync(join(dir, 'report.html'), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = await runCli(['verify', '--report-dir', dir, '--base-url', 'http://127.0.0.1:9'], {});
    assert.equal(run.code, 2);
    assertErrorSummary(dir, /Cannot reach/);
    assert.notEqual(readFileSync(join(dir, 'report.html'), 'utf8'), 'old');
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'mine');
  });

  it('on a bad TOKEN_SUITE_LOAD_* value, naming the variable', async () => {
    await expectCannotRun(['--only', 'load'], /TOKEN_SUITE_LOAD_MIX: unknown flow 'jump'/, {
      TOKEN_SUITE_LOAD_MIX: 'chain:2,jump:1',
    });
  });

  it('on --engine k6 when no k6 is on the PATH', async () => {
    await expectCannotRun(['--engine', 'k6'], /no k6 executable on the PATH/, { PATH: dirname(process.execPath) });
  });

  it('on a report dir that cannot be written, saying so', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const run = await runCli(['verify', '--report-dir', join(file, 'reports')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot write reports to/);
    assert.ok(!existsSync(join(file, 'reports')));
  });

  // Two spawned cases, one per kind (parser, range): every message is checked in-process in
  // cli/command-line.test.ts; ten spawns in one test overran its timeout on a busy machine.
  it('on bad arguments, with a range message or a hint, never a parser error', async () => {
    const cases: [string[], RegExp][] = [
      [['--duration', '-5'], /--duration must be a whole number from 1 to 86400 \(got '-5' from the flag\)/],
      [['--duraton', '5'], /Unknown option '--duraton' \(did you mean --duration\?\); see token-suite verify --help/],
    ];
    for (const [args, sentence] of cases) {
      const run = await runCli(['verify', ...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, sentence, args.join(' '));
    }
  });

  it('on a bad value in the environment, naming the variable and where it came from', async () => {
    await expectCannotRun(
      [],
      /TOKEN_SUITE_TIMEOUT must be a whole number from 50 to 600000 \(got 'soon' from the environment\)/,
      { TOKEN_SUITE_TIMEOUT: 'soon' },
    );
  });

  it('on a bad rotation grace in the environment', async () => {
    await expectCannotRun([], /TOKEN_SUITE_ROTATION_GRACE_SECONDS must be a number/, {
      TOKEN_SUITE_ROTATION_GRACE_SECONDS: 'x',
    });
  });
});
