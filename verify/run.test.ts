// `token-suite verify --only conformance` run in-process (testing/command-line.ts): the exit code, the three
// reports and what they say, on the embedded reference server, on servers that fail after the preflight and
// on targets it cannot verify (exit 2, with error reports). The same runs through the spawned CLI, plus
// Ctrl-C, the run deadline and the hostile targets, are in the *.slow.test.ts files beside this one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFORMANCE } from '../conformance/catalog.ts';
import { validateSummary } from '../schemas/validators.ts';
import { runInProcess, type InProcessRun } from '../testing/command-line.ts';
import { startFault, type Fault } from '../testing/fault-servers.ts';
import { startServer } from '../testing/reference-server.ts';
import { readSummary, tempDir } from '../testing/reports.ts';
import type { Summary } from '../verdict/summary.ts';

const byId = (summary: Summary, id: string) => summary.requirements.find((r) => r.id === id)!;

async function conformance(args: string[], env: Record<string, string> = {}) {
  const dir = tempDir();
  const run = await runInProcess(['verify', '--only', 'conformance', '--report-dir', dir, ...args], env);
  return { run, dir };
}

async function onFault(fault: Fault, args: string[] = []) {
  const server = await startFault(fault);
  try {
    const { run, dir } = await conformance(['--base-url', server.url, ...args]);
    return { run, dir, summary: readSummary(dir) };
  } finally {
    await server.stop();
  }
}

function assertErrorReports(dir: string, sentence: RegExp) {
  const summary = readSummary(dir);
  const valid = validateSummary(summary);
  assert.ok(valid.ok, valid.ok ? '' : valid.message);
  assert.equal(summary.verdict, 'error');
  assert.match(summary.error ?? '', sentence);
  assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /<error message=/);
}

describe('verify (in-process) on the embedded reference server', () => {
  let run: InProcessRun;
  let dir: string;
  before(async () => ({ run, dir } = await conformance([])));

  it('exits 0 with every MUST requirement passed', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /verdict: PASS/);
  });

  it('writes a summary.json matching its published schema, one entry per requirement, each with its minimum', () => {
    const summary = readSummary(dir);
    const valid = validateSummary(summary);
    assert.ok(valid.ok, valid.ok ? '' : valid.message);
    assert.equal(summary.requirements.length, CONFORMANCE.length);
    assert.equal(summary.embedded, true);
    assert.ok(summary.requirements.every((r) => (r.minimum ?? '').length > 10));
    assert.match(summary.notes.join('\n'), /scrypt cost 1024/);
  });

  it('writes junit.xml with one test case per requirement, and a self-contained report.html', () => {
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    assert.equal(junit.match(/<testcase /g)?.length, CONFORMANCE.length);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /PASS/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=["']?https?:/);
  });

  it('never prints the password or a whole token', () => {
    const everything = run.stdout + run.stderr + readFileSync(join(dir, 'summary.json'), 'utf8');
    assert.ok(!everything.includes('12312312'));
    assert.doesNotMatch(everything, /[0-9a-f]{32}[A-Za-z0-9]{224}/);
  });
});

describe('verify (in-process) on servers that fail after the preflight', () => {
  it('reset-on-post: exit 1, the evidence names the request, the rest inconclusive after three failures', async () => {
    const { run, summary } = await onFault('reset-on-post');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const first = byId(summary, 'TOKEN-01');
    assert.equal(first.status, 'fail');
    assert.match(first.evidence.join('\n'), /closed without an answer|ECONNRESET|socket hang up/i);
    assert.match(first.evidence.join('\n'), /POST http:\/\/127\.0\.0\.1:\d+\/v1\/token/);
    const later = summary.requirements.filter((r) => r.status === 'inconclusive');
    assert.match(later[0]?.evidence.join('\n') ?? '', /stopped answering/);
  });

  it('200 {} to every grant: TOKEN-01 fails (exit 1), REFRESH-02 inconclusive, no token check passes', async () => {
    const { run, summary } = await onFault('empty-pairs');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(byId(summary, 'TOKEN-01').status, 'fail');
    for (const id of ['TOKEN-11', 'REFRESH-01', 'REFRESH-02', 'REFRESH-03', 'REFRESH-04', 'TOKEN-12'])
      assert.notEqual(byId(summary, id).status, 'pass', id);
    assert.equal(byId(summary, 'REFRESH-02').status, 'inconclusive');
  });

  it('expiresIn 3599 (remaining lifetime): TOKEN-03 passes with a note, exit 0', async () => {
    const { run, summary } = await onFault('expires-3599');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(byId(summary, 'TOKEN-03').evidence.join('\n'), /3599, 3600[\s\S]*remaining lifetime/);
  });

  it('a target echoing the password into errors: SECRET-01 fails, and no report or line holds it', async () => {
    const { run, dir, summary } = await onFault('echo-password');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(byId(summary, 'SECRET-01').status, 'fail');
    for (const file of ['summary.json', 'junit.xml', 'report.html'])
      assert.ok(!readFileSync(join(dir, file), 'utf8').includes('12312312'), file);
    assert.ok(!(run.stdout + run.stderr).includes('12312312'));
  });
});

describe('verify (in-process): exit 2 with error reports when it cannot run or judge', () => {
  async function cannotRun(args: string[], sentence: RegExp, env: Record<string, string> = {}) {
    const { run, dir } = await conformance(args, env);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, sentence);
    assertErrorReports(dir, sentence);
  }

  it('on an unreachable target, naming it', async () => {
    const closed = await startFault('hang');
    await closed.stop();
    await cannotRun(['--base-url', closed.url], new RegExp(`Cannot reach ${closed.url} \\(ECONNREFUSED\\)`));
  });

  it('on rejected credentials, with the status and code', async () => {
    const server = await startServer();
    try {
      await cannotRun(['--base-url', server.url], /rejected the configured credentials with 400 invalid_grant/, {
        TOKEN_SUITE_PASSWORD: 'not-the-password',
      });
    } finally {
      await server.stop();
    }
  });

  it('on a path prefix in --base-url: the full URL that 404d', async () => {
    const server = await startServer();
    try {
      const sentence = new RegExp(`POST ${server.url}/v1/v1/token answered 404 .*--base-url is the server's origin`);
      await cannotRun(['--base-url', `${server.url}/v1`], sentence);
    } finally {
      await server.stop();
    }
  });

  const notThisApi: [Fault, RegExp][] = [
    ['html', /answered 200 \(text\/html\) .*this does not look like the echon token API/],
    ['server-errors', /answered 503 .*the server is failing or unavailable/],
  ];
  for (const [fault, sentence] of notThisApi) {
    it(`on a target that is not this API or not up (${fault})`, async () => {
      const server = await startFault(fault);
      try {
        await cannotRun(['--base-url', server.url], sentence);
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
    const run = await runInProcess(['verify', '--report-dir', dir, '--base-url', 'http://127.0.0.1:9']);
    assert.equal(run.code, 2);
    assertErrorReports(dir, /Cannot reach/);
    assert.notEqual(readFileSync(join(dir, 'report.html'), 'utf8'), 'old');
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'mine');
  });

  it('on a usage error (an unknown flag, an unfailable threshold), in the --report-dir given', async () => {
    const dir = tempDir();
    const flag = await runInProcess(['verify', `--report-dir=${dir}`, '--only', 'conformance', '--bogus']);
    assert.equal(flag.code, 2, flag.stderr);
    assertErrorReports(dir, /Unknown option '--bogus'/);
    const other = tempDir();
    const threshold = await runInProcess(['verify', '--report-dir', other], { TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '0.9' });
    assert.equal(threshold.code, 2, threshold.stderr);
    assertErrorReports(other, /TOKEN_SUITE_LOAD_MAX_ERROR_RATE must be below 0.5 \(got '0.9'\)/);
  });

  it('on a report dir that cannot be written, saying so', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const run = await runInProcess(['verify', '--report-dir', join(file, 'reports')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot write reports to/);
    assert.ok(!existsSync(join(file, 'reports')));
  });
});
