// The alt server's grant and refresh rotation, with and without a grace window.
import assert from 'node:assert/strict';
import { issued, login, refresh, tokens, tokensOf } from '../../testing/http.ts';
import { TOKEN_PATTERN } from '../../schemas/token-format.ts';
import { createAltServer } from './index.ts';
import { close, listen } from '../reference/index.ts';
import { TEST_HASH_ITERATIONS, withAlt } from '../../testing/alt-server.ts';

const concurrently = <T>(n: number, run: () => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, run));

describe('alt server: password grant and refresh rotation', () => {
  it(
    "answers the documented grant with 200 JSON, opaque 256-bit tokens (tokenFormat 'opaque'), " +
      'expiresIn 3600 and no-store',
    async () => {
      const answer = await withAlt({ tokenFormat: 'opaque' }, (base) => login(base));
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(answer.headers.get('cache-control') ?? '', /no-store/);
      assert.match(String(answer.json?.token), /^[A-Za-z0-9_-]{43}$/);
      assert.equal(answer.json?.expiresIn, 3600);
    },
  );

  it('issues documented-format tokens when asked to', async () => {
    const pair = await withAlt({ tokenFormat: 'documented' }, (base) => tokens(base));
    assert.match(pair.token, TOKEN_PATTERN);
    assert.match(pair.refreshToken, TOKEN_PATTERN);
  });

  it(
    'rotates: the documented refresh body returns a new pair, ' +
      'the used token is then rejected and the family revoked',
    async () => {
      await withAlt({}, async (base) => {
        const first = await tokens(base);
        const second = tokensOf(await refresh(base, first.refreshToken));
        assert.notEqual(second.refreshToken, first.refreshToken);
        assert.notEqual(second.token, first.token);
        assert.equal((await refresh(base, first.refreshToken)).status, 401);
        assert.equal(
          issued(await refresh(base, second.refreshToken)),
          false,
          'reuse detection revokes the newest token',
        );
      });
    },
  );

  it('lets exactly one of 10 concurrent refreshes of one token win without a grace window', async () => {
    const answers = await withAlt({}, async (base) => {
      const { refreshToken } = await tokens(base);
      return concurrently(10, () => refresh(base, refreshToken));
    });
    assert.equal(answers.filter(issued).length, 1);
  });

  it('holds along a chain of 50 refreshes: each answers a new pair, every used token is then rejected', async () => {
    await withAlt({}, async (base) => {
      const first = await tokens(base);
      const seen = new Set([first.refreshToken, first.token]);
      let { refreshToken } = first;
      const used: string[] = [];
      for (let i = 0; i < 50; i += 1) {
        const next = tokensOf(await refresh(base, refreshToken));
        assert.ok(!seen.has(next.refreshToken) && !seen.has(next.token), `refresh ${i + 1} answered a used token`);
        seen.add(next.refreshToken).add(next.token);
        used.push(refreshToken);
        refreshToken = next.refreshToken;
      }
      // The newest still works; then a replay of any used one is rejected (and revokes the family).
      const last = tokensOf(await refresh(base, refreshToken));
      assert.equal(issued(await refresh(base, used[25]!)), false, 'a token used 25 rotations ago was accepted');
      assert.equal(issued(await refresh(base, last.refreshToken)), false, 'the replay did not revoke the family');
    });
  });
});

describe('alt server: --rotation-grace', () => {
  it('answers a replay inside the window with a new pair, and concurrent refreshes each with its own', async () => {
    await withAlt({ rotationGraceSeconds: 5 }, async (base) => {
      const { refreshToken } = await tokens(base);
      const answers = (await concurrently(10, () => refresh(base, refreshToken))).map(tokensOf);
      const again = tokensOf(await refresh(base, refreshToken));
      const all = [...answers, again].flatMap((a) => [a.token, a.refreshToken]);
      assert.equal(new Set(all).size, all.length, 'no token is sent twice');
    });
  });

  it('rejects the predecessor once its successor has been used, even inside the window', async () => {
    await withAlt({ rotationGraceSeconds: 5 }, async (base) => {
      const first = await tokens(base);
      const second = tokensOf(await refresh(base, first.refreshToken));
      tokensOf(await refresh(base, second.refreshToken));
      assert.equal(issued(await refresh(base, first.refreshToken)), false);
    });
  });

  it('rejects a replay after the window and revokes the family', async () => {
    let clock = 1_000_000;
    const server = createAltServer({ rotationGraceSeconds: 2, hashIterations: TEST_HASH_ITERATIONS, now: () => clock });
    const base = await listen(server);
    try {
      const first = await tokens(base);
      const second = tokensOf(await refresh(base, first.refreshToken));
      clock += 2000;
      assert.equal((await refresh(base, first.refreshToken)).status, 401);
      assert.equal(issued(await refresh(base, second.refreshToken)), false);
    } finally {
      await close(server);
    }
  });
});
