// The checked-in standalone validators are generated from the schemas and agree with ajv at runtime.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateTokenResponse as runtime } from '../../schemas/validators.ts';
import { fakeToken } from '../../testing/fake-token-server.ts';
import { generateValidators, GENERATED_PATH } from './generate.ts';
import { validateTokenResponse } from './standalone.js';

describe('standalone validators', () => {
  it('are up to date with schemas/ (regenerate with npm run build)', async () => {
    const fresh = await generateValidators();
    assert.equal(readFileSync(GENERATED_PATH, 'utf8'), fresh);
  });

  it('contain no imports and no new Function (k6 bundles and the Node engine load them as is)', () => {
    const source = readFileSync(GENERATED_PATH, 'utf8');
    assert.doesNotMatch(source, /^import |new Function|\beval\(/m);
  });

  it('hold only what the flows use: the two token-response validators, no ajv-formats and no format checks', async () => {
    const source = readFileSync(GENERATED_PATH, 'utf8');
    const exported = /export \{([^}]*)\}/
      .exec(source)?.[1]
      ?.split(',')
      .map((name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      );
    assert.deepEqual(exported?.sort(), ['validateOpaqueTokenResponse', 'validateTokenResponse']);
    assert.doesNotMatch(source, /ajv-formats|fullFormats|\\u\{/);
  });

  it('agree with the runtime ajv validators on valid and invalid token responses', () => {
    const samples = [
      { token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 },
      { token: fakeToken(), refreshToken: 'short', expiresIn: 3600 },
      { token: fakeToken(), refreshToken: fakeToken(), expiresIn: '3600' },
      { token: fakeToken() },
    ];
    for (const sample of samples)
      assert.equal(validateTokenResponse(sample), runtime(sample).ok, JSON.stringify(sample).slice(0, 80));
  });
});
