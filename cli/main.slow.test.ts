// The top-level command line: --version, and a pointer to --help on a mistyped flag.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../testing/cli.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('token-suite (the command line)', () => {
  it("--version prints package.json's version and exits 0, also after a command", async () => {
    for (const args of [['--version'], ['verify', '--version']]) {
      const { code, stdout } = await runCli(args);
      assert.equal(code, 0);
      assert.equal(stdout, `token-suite ${version}\n`);
    }
  });

  it('an unknown option exits 2 with one sentence that points to the command help', async () => {
    const { code, stdout, stderr } = await runCli(['serve', '--prot', '8080']);
    assert.equal(code, 2);
    assert.equal(
      stderr,
      "token-suite: Unknown option '--prot' (did you mean --port?); see token-suite serve --help.\n",
    );
    assert.equal(stdout, '', 'nothing started');
  });

  it('a stray argument or a missing value points to the help as well', async () => {
    const stray = await runCli(['verify', 'http://example.com']);
    assert.equal(stray.code, 2);
    const unexpected = String.raw`^token-suite: Unexpected argument 'http:\/\/example.com' \(options start with --\); `;
    assert.match(stray.stderr, new RegExp(unexpected + String.raw`see token-suite verify --help\.\n$`));
    const missing = await runCli(['serve', '--port']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^token-suite: --port needs a value; see token-suite serve --help\.\n$/);
  });
});
