import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { validateTokenResponse } from '../schemas/validators.ts';
import { runCli, startServe, type Served } from '../testing/cli.ts';

const DOC = readFileSync(new URL('../docs/token-api.md', import.meta.url), 'utf8');
/** The documented curl commands, as argument lists, with only the host swapped for the local server. */
const CURLS = [...DOC.matchAll(/```curl\n(curl -X POST[\s\S]*?)\n```/g)].map((m) => m[1]!);

function curlArgs(command: string, url: string): string[] {
  const args = [...command.replace(/\\\n/g, ' ').matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return ['-s', '-w', '\n%{http_code}', ...args.slice(1).map((a) => a.replace('http://echon.io', url))];
}

async function curl(command: string, url: string): Promise<{ status: number; body: unknown }> {
  const { stdout } = await promisify(execFile)('curl', curlArgs(command, url));
  const lines = stdout.split('\n');
  return { status: Number(lines.pop()), body: JSON.parse(lines.join('\n')) };
}

describe('token-suite serve', () => {
  let served: Served;
  before(async () => (served = await startServe()));
  after(() => served.stop());

  it('finds both curl examples in the documentation', () => assert.equal(CURLS.length, 2));

  it("answers the documentation's login curl verbatim with a documented pair and expiresIn 3600", async () => {
    const { status, body } = await curl(CURLS[0]!, served.url);
    assert.equal(status, 200);
    assert.ok(validateTokenResponse(body).ok);
    assert.equal((body as { expiresIn: number }).expiresIn, 3600);
  });

  it("answers the documentation's refresh curl verbatim (trailing '&=') once, then rejects the replay", async () => {
    const first = await curl(CURLS[1]!, served.url);
    assert.equal(first.status, 200);
    assert.ok(validateTokenResponse(first.body).ok);
    const replay = await curl(CURLS[1]!, served.url);
    assert.deepEqual([replay.status, (replay.body as { error: string }).error], [400, 'invalid_grant']);
  });
});

describe('token-suite serve: bad input', () => {
  it('exits 2 with one sentence on a bad --port', async () => {
    const { code, stderr } = await runCli(['serve', '--port', 'eighty']);
    assert.equal(code, 2);
    assert.match(stderr, /--port must be a whole number from 0 to 65535 \(got 'eighty' from the flag\)/);
  });

  it('exits 2 on an unreadable seed file, naming it', async () => {
    const { code, stderr } = await runCli(['serve', '--seed', '/nonexistent/seed.json']);
    assert.equal(code, 2);
    assert.match(stderr, /seed file \/nonexistent\/seed.json/);
  });

  for (const cost of ['2', '3000', '2097152']) {
    it(`exits 2 with one sentence on --scrypt-cost ${cost}, instead of serving 500s`, async () => {
      const { code, stderr } = await runCli(['serve', '--port', '0', '--scrypt-cost', cost], {}, { timeoutMs: 20_000 });
      assert.equal(code, 2);
      assert.match(
        stderr,
        /^token-suite: the scrypt cost must be a power of two from 1024 to 1048576 \(got \d+\)[^\n]*\.\n$/,
      );
    });
  }

  it('exits 2 with one sentence on a refresh TTL past a year', async () => {
    const { code, stderr } = await runCli(
      ['serve', '--port', '0', '--refresh-ttl', '100000000'],
      {},
      { timeoutMs: 20_000 },
    );
    assert.equal(code, 2);
    assert.match(stderr, /the refresh-token lifetime in seconds must be a whole number from 1 to 31536000/);
  });

  it('exits 2 on an unknown flag', async () => {
    const { code, stderr } = await runCli(['serve', '--prot', '1']);
    assert.equal(code, 2);
    assert.match(stderr, /--prot/);
  });

  it('serves users from TOKEN_SUITE_SEED', async () => {
    const served = await startServe([], {
      TOKEN_SUITE_SEED: '{"clients":["c-1"],"users":[{"username":"zoe","password":"pw"}]}',
    });
    try {
      const res = await fetch(`${served.url}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grantType=password&clientId=c-1&username=zoe&password=pw',
      });
      assert.equal(res.status, 200);
    } finally {
      await served.stop();
    }
  });
});

describe('token-suite serve: option ranges', () => {
  for (const [args, sentence] of [
    [['--scrypt-cost', 'cheap'], /--scrypt-cost must be a whole number from 0 .* \(got 'cheap' from the flag\)/],
    [['--refresh-ttl', '0'], /the refresh-token lifetime in seconds must be a whole number from 1/],
    [
      ['--max-tokens', '10', '--max-tokens-per-user', '20'],
      /the per-user token cap \(20\) must not exceed the token cap \(10\)/,
    ],
    [['--tls-cert', '/nonexistent.pem'], /--tls-cert and --tls-key go together/],
  ] as const) {
    it(`exits 2 on ${args.join(' ')}`, async () => {
      const { code, stderr } = await runCli(['serve', ...args]);
      assert.equal(code, 2, stderr);
      assert.match(stderr, sentence);
    });
  }
});
