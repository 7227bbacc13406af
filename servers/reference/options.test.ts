// Numeric options are checked when the server is built: a value the implementation cannot run is a typed
// error at start, never a 500 on every request later.
import assert from 'node:assert/strict';
import { hashPassword } from './passwords.ts';
import { createTokenServer, type ServerOptions } from './index.ts';
import { InvalidServerOption, invalidServerOption } from './options.ts';

const BAD: [string, ServerOptions][] = [
  ['scrypt cost 2 (scrypt itself refuses it)', { scryptCost: 2 }],
  ['scrypt cost 512 (too cheap)', { scryptCost: 512 }],
  ['scrypt cost 3000 (not a power of two)', { scryptCost: 3000 }],
  ['scrypt cost 2^21 (over 2 GiB a login)', { scryptCost: 2 ** 21 }],
  ['refresh TTL 0', { refreshTtlSeconds: 0 }],
  ['refresh TTL 1.5', { refreshTtlSeconds: 1.5 }],
  ['refresh TTL 1e300', { refreshTtlSeconds: 1e300 }],
  ['access TTL -1', { accessTtlSeconds: -1 }],
  ['body limit 10', { bodyLimitBytes: 10 }],
  ['purge interval 2^31 ms (setInterval would fire every millisecond)', { purgeIntervalMs: 2 ** 31 }],
  ['token cap 0', { maxTokens: 0 }],
  ['token cap NaN', { maxTokens: Number.NaN }],
  ['token cap 2^24 (past what a Map holds)', { maxTokens: 2 ** 24 }],
  ['per-user cap above the token cap', { maxTokens: 10, maxTokensPerUser: 11 }],
];

describe('reference server: option ranges', () => {
  for (const [what, options] of BAD) {
    it(`refuses ${what} with one sentence, before serving anything`, () => {
      const invalid = invalidServerOption(options);
      assert.ok(invalid instanceof InvalidServerOption);
      assert.match(invalid.message, /^the [^.]+ must [^]+\.$/);
      assert.throws(() => createTokenServer(options), InvalidServerOption);
    });
  }

  it('accepts the defaults and the bounds', () => {
    for (const options of [
      {},
      { scryptCost: 1024 },
      { scryptCost: 2 ** 20 },
      { refreshTtlSeconds: 1, accessTtlSeconds: 365 * 86_400 },
      { maxTokens: 5 },
      { maxTokens: 10, maxTokensPerUser: 10 },
    ])
      assert.equal(invalidServerOption(options), undefined, JSON.stringify(options));
  });

  it('has a real lower bound: scrypt with this server’s memory setting refuses a cost of 2', async () => {
    await assert.rejects(hashPassword('pw', 2), /memory limit exceeded/);
    assert.equal((await hashPassword('pw', 1024)).hash.length, 32);
  });
});
