// The reference server's users from TOKEN_SUITE_SEED / --seed, and the documentation's two curl commands
// verbatim, on an in-process server built as `token-suite serve` builds it (the spawned serve is checked
// in cli/serve.slow.test.ts).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateTokenResponse } from '../schemas/validators.ts';
import { close, createTokenServer, listen, type TokenServer } from '../servers/reference/index.ts';
import { tempDir } from '../testing/reports.ts';
import { loadSeed } from './seed.ts';

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

const login = (url: string, body: string) =>
  fetch(`${url}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

describe('reference server seed and the documented curls', () => {
  let server: TokenServer;
  let url: string;
  before(async () => {
    const file = join(tempDir(), 'seed.json');
    writeFileSync(file, '{"users":[{"username":"ann","password":"from-file"}]}');
    const seed = loadSeed(file, '{"clients":["c-1"],"users":[{"username":"zoe","password":"pw"}]}');
    server = createTokenServer({ seed, scryptCost: 1024 });
    url = await listen(server);
  });
  after(() => close(server));

  it('finds both curl examples in the documentation', () => assert.equal(CURLS.length, 2));

  it("answers the documentation's login curl verbatim with a documented pair and expiresIn 3600", async () => {
    const { status, body } = await curl(CURLS[0]!, url);
    assert.equal(status, 200);
    assert.ok(validateTokenResponse(body).ok);
    assert.equal((body as { expiresIn: number }).expiresIn, 3600);
  });

  it("answers the documentation's refresh curl verbatim (trailing '&=') once, then rejects the replay", async () => {
    const first = await curl(CURLS[1]!, url);
    assert.equal(first.status, 200);
    assert.ok(validateTokenResponse(first.body).ok);
    const replay = await curl(CURLS[1]!, url);
    assert.deepEqual([replay.status, (replay.body as { error: string }).error], [400, 'invalid_grant']);
  });

  it('serves the users of the inline seed and the seed file beside the documented ones', async () => {
    assert.equal((await login(url, 'grantType=password&clientId=c-1&username=zoe&password=pw')).status, 200);
    assert.equal((await login(url, 'grantType=password&clientId=c-1&username=zoe&password=no')).status, 400);
    const documentedClient = /clientId=([^&\s']+)/.exec(CURLS[0]!)?.[1] ?? '';
    const ann = `grantType=password&clientId=${documentedClient}&username=ann&password=from-file`;
    assert.equal((await login(url, ann)).status, 200);
  });

  it('rejects a seed that is not JSON or not of the documented shape, in one sentence', () => {
    assert.throws(() => loadSeed(undefined, '{users:'), /TOKEN_SUITE_SEED is not valid JSON; expected \{"clients"/);
    assert.throws(() => loadSeed(undefined, '{"users":[{"username":""}]}'), /TOKEN_SUITE_SEED must look like/);
    assert.throws(() => loadSeed('/nonexistent/seed.json', undefined), /Cannot read the seed file \/nonexistent/);
  });
});
