// The reference server's token caps never break its own verdict: with a per-user cap so small that the load
// layer hits it all the time (its user loses their oldest tokens on nearly every login and refresh), the load
// layer still passes. The default cap is 1,000 times larger.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYERS } from '../../cli/layers.ts';
import { close, createTokenServer, listen } from '../reference/index.ts';
import { verifySettings } from '../../settings/verify.ts';
import { verify } from '../../verify/run.ts';
import { MATRIX_SCRYPT_COST } from '../../testing/kill-matrix/kill-matrix.ts';

const PER_USER_CAP = 100;

describe('reference server: the token caps and the suite’s own load', function () {
  this.timeout(120_000);

  it(`passes the load layer with a per-user cap of ${PER_USER_CAP} tokens that it hits all along`, async () => {
    let issued = 0;
    const server = createTokenServer({
      scryptCost: MATRIX_SCRYPT_COST,
      maxTokensPerUser: PER_USER_CAP,
      maxTokens: 2 * PER_USER_CAP,
      extend: ({ store }) => {
        const [issue, rotate] = [store.issue.bind(store), store.rotate.bind(store)];
        store.issue = (clientId, username) => ((issued += 1), issue(clientId, username));
        store.rotate = (token) => {
          const rotation = rotate(token);
          if (rotation.outcome === 'rotated') issued += 1;
          return rotation;
        };
      },
    });
    const baseUrl = await listen(server);
    try {
      const reportDir = mkdtempSync(join(tmpdir(), 'store-caps-'));
      const settings = verifySettings({ baseUrl, only: ['load'], reportDir, durationSeconds: 3, engine: 'node' });
      const { summary } = await verify({ settings, layers: [LAYERS.load()] });
      const failed = summary.requirements.filter((r) => r.status === 'fail').map((r) => r.id);
      assert.deepEqual(failed, []);
      assert.ok(issued > 5 * PER_USER_CAP, `only ${issued} tokens issued: the cap was not under pressure`);
      assert.ok(server.context.store.size <= PER_USER_CAP, `${server.context.store.size} tokens held`);
    } finally {
      await close(server);
    }
  });
});
