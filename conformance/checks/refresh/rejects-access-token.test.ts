// REFRESH-07 presents the access tokens of several fresh pairs: a server whose access and refresh tokens coincide
// only now and then (time-seeded-tokens: two tokens made in one millisecond) is seen, not passed on one pair.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { PATHS } from '../../../schemas/documented-api.ts';
import { runChecks } from '../../../testing/run-checks.ts';
import type { Finding } from '../../check.ts';
import { rejectsAccessToken } from './rejects-access-token.ts';

/** Issues pairs; the `same`-th login's access token is its refresh token; any live refresh token rotates. */
async function judgeWith(same: number) {
  const live = new Set<string>();
  let logins = 0;
  const pair = (coincide: boolean) => {
    const refreshToken = randomBytes(16).toString('hex');
    live.add(refreshToken);
    return { token: coincide ? refreshToken : randomBytes(16).toString('hex'), refreshToken, expiresIn: 3600 };
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const refresh = new URLSearchParams(body).get('refreshToken') ?? '';
      const answer = req.url === PATHS.token ? pair(++logins === same) : live.delete(refresh) ? pair(false) : null;
      res.writeHead(answer ? 200 : 400, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer ?? { error: 'invalid_grant' }));
    });
  });
  const [finding] = await runChecks(server, [rejectsAccessToken]);
  return finding as Finding;
}

describe('REFRESH-07: access tokens presented as refresh tokens', () => {
  it('fails on a server whose second pair has token === refreshToken', async () => {
    const finding = await judgeWith(2);
    assert.equal(finding.outcome, 'fail', finding.evidence.join('\n'));
    assert.match(finding.evidence.join('\n'), /FAILED: the access token of fresh pair 2 in the refreshToken field/);
  });

  it('passes on a server whose access tokens never refresh', async () => {
    const finding = await judgeWith(0);
    assert.equal(finding.outcome, 'pass', finding.evidence.join('\n'));
    assert.equal(finding.evidence.length, 3);
  });
});
