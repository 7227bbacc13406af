// The command line in-process (no child process): exit codes and the one sentence a mistake gets. The same
// behaviour through the real bin/token-suite.js is checked in the slow files (cli/main.slow.test.ts,
// cli/serve.slow.test.ts, verify/cannot-run.slow.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess as run } from '../testing/command-line.ts';
import { readSummary, tempDir } from '../testing/reports.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('token-suite command line (in-process)', () => {
  it("--version prints package.json's version and exits 0, also after a command", async () => {
    for (const argv of [['--version'], ['verify', '--version'], ['serve', '-V']]) {
      assert.deepEqual(await run(argv), { code: 0, stdout: `token-suite ${version}\n`, stderr: '' }, argv.join(' '));
    }
  });

  it('--help prints the usage and exits 0; no command prints it and exits 2', async () => {
    const help = await run(['verify', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^token-suite verify \[options\]/);
    assert.match(help.stdout, /Exit codes: 0 every MUST passed/);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /^usage: token-suite <command>/);
  });

  it('an unknown command or option exits 2 with one sentence that points to the help', async () => {
    assert.deepEqual(await run(['serve', '--prot', '8080']), {
      code: 2,
      stdout: '',
      stderr: "token-suite: Unknown option '--prot' (did you mean --port?); see token-suite serve --help.\n",
    });
    const unknown = await run(['verfiy']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^token-suite: Unknown command 'verfiy'; try: verify, serve/);
  });

  it('collect: a usage error exits 2 and leaves the error reports in its --report-dir', async () => {
    const dir = tempDir();
    const bad = await run(['collect', '--runners', '0', '--report-dir', dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--runners must be a whole number from 1 to 256/);
    const summary = readSummary(dir);
    assert.deepEqual([summary.verdict, summary.layers], ['error', ['load']]);
    assert.match(summary.error ?? '', /--runners must be a whole number/);
    assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /<error message=/);
  });

  it('a stray argument or a missing value points to the help as well', async () => {
    const stray = await run(['verify', 'http://example.com']);
    assert.equal(stray.code, 2);
    assert.equal(
      stray.stderr,
      "token-suite: Unexpected argument 'http://example.com' (options start with --); see token-suite verify --help.\n",
    );
    assert.deepEqual(await run(['serve', '--port']), {
      code: 2,
      stdout: '',
      stderr: 'token-suite: --port needs a value; see token-suite serve --help.\n',
    });
  });

  describe('verify: exit 2 on bad settings, before anything runs', () => {
    const cases: [string[], RegExp][] = [
      [['--only', 'conformance,speed'], /--only must be a comma-separated list of conformance, contract, load/],
      [['--engine', 'jmeter'], /--engine must be one of auto, node, k6 \(got 'jmeter'/],
      [['--base-url', 'localhost:80'], /--base-url must be an http\(s\) URL/],
      [['--connections', '0'], /--connections must be a whole number from 1 to 10000/],
      [['--duration', 'long'], /--duration must be a whole number from 1 to 86400 \(got 'long'/],
      [['--duration', '-5'], /--duration must be a whole number from 1 to 86400 \(got '-5' from the flag\)/],
      [['--timeout', '-1'], /--timeout must be a whole number from 50/],
      [['--rate', '-2'], /--rate must be a number from 0/],
      [['--duraton', '5'], /Unknown option '--duraton' \(did you mean --duration\?\); see token-suite verify --help/],
      [['--duration'], /--duration needs a value/],
    ];
    for (const [args, sentence] of cases) {
      it(args.join(' '), async () => {
        const { code, stderr } = await run(['verify', ...args]);
        assert.equal(code, 2);
        assert.match(stderr, sentence);
        assert.match(stderr, /^token-suite: [^\n]+\n$/, 'one line');
      });
    }

    it('a bad value in the environment, naming the variable and where it came from', async () => {
      const timeout = await run(['verify'], { TOKEN_SUITE_TIMEOUT: 'soon' });
      assert.equal(timeout.code, 2);
      assert.match(
        timeout.stderr,
        /TOKEN_SUITE_TIMEOUT must be a whole number from 50 to 600000 \(got 'soon' from the environment\)/,
      );
      const grace = await run(['verify'], { TOKEN_SUITE_ROTATION_GRACE_SECONDS: 'x' });
      assert.equal(grace.code, 2);
      assert.match(grace.stderr, /TOKEN_SUITE_ROTATION_GRACE_SECONDS must be a number/);
    });

    it('a bad TOKEN_SUITE_LOAD_* value, naming the variable', async () => {
      const { code, stderr } = await run(['verify', '--only', 'load'], { TOKEN_SUITE_LOAD_MIX: 'chain:2,jump:1' });
      assert.equal(code, 2);
      assert.match(stderr, /TOKEN_SUITE_LOAD_MIX: unknown flow 'jump'/);
    });

    it('--engine k6 when no k6 is on the PATH', async () => {
      const { code, stderr } = await run(['verify', '--engine', 'k6'], { PATH: '/nonexistent' });
      assert.equal(code, 2);
      assert.match(stderr, /no k6 executable on the PATH/);
    });
  });

  describe('serve: exit 2 on bad settings, before it listens', () => {
    const cases: [string[], RegExp][] = [
      [['--port', 'eighty'], /--port must be a whole number from 0 to 65535 \(got 'eighty' from the flag\)/],
      [['--seed', '/nonexistent/seed.json'], /seed file \/nonexistent\/seed.json/],
      [['--scrypt-cost', '2'], /^token-suite: the scrypt cost must be a power of two from 1024 to 1048576 \(got 2\)/],
      [['--scrypt-cost', '3000'], /the scrypt cost must be a power of two from 1024 to 1048576 \(got 3000\)/],
      [['--scrypt-cost', '2097152'], /the scrypt cost must be a power of two from 1024 to 1048576 \(got 2097152\)/],
      [['--scrypt-cost', 'cheap'], /--scrypt-cost must be a whole number from 0 .* \(got 'cheap' from the flag\)/],
      [
        ['--refresh-ttl', '100000000'],
        /the refresh-token lifetime in seconds must be a whole number from 1 to 31536000/,
      ],
      [['--refresh-ttl', '0'], /the refresh-token lifetime in seconds must be a whole number from 1/],
      [
        ['--max-tokens', '10', '--max-tokens-per-user', '20'],
        /the per-user token cap \(20\) must not exceed .* \(10\)/,
      ],
      [['--tls-cert', '/nonexistent.pem'], /--tls-cert and --tls-key go together/],
    ];
    for (const [args, sentence] of cases) {
      it(args.join(' '), async () => {
        const port = args.includes('--port') ? [] : ['--port', '0'];
        const { code, stdout, stderr } = await run(['serve', ...port, ...args]);
        assert.equal(code, 2, stderr);
        assert.match(stderr, sentence);
        assert.match(stderr, /^token-suite: [^\n]+\n$/, 'one line');
        assert.equal(stdout, '', 'nothing started');
      });
    }
  });
});
