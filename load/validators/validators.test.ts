// The checked-in standalone validators are generated from the schemas and agree with ajv at runtime.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  validateOpaqueTokenResponse as runtimeOpaque,
  validateTokenResponse as runtime,
} from '../../schemas/validators.ts';
import { fakeToken } from '../../testing/fake-token-server.ts';
import { generateValidators, GENERATED_PATH } from './generate.ts';
import { validateOpaqueTokenResponse, validateTokenResponse } from './standalone.js';

describe('standalone validators', () => {
  it('are up to date with schemas/ (regenerate with npm run build)', async () => {
    const fresh = await generateValidators();
    assert.equal(readFileSync(GENERATED_PATH, 'utf8'), fresh);
  });

  it('contain no imports and no new Function (k6 bundles and the Node engine load them as is)', () => {
    const source = readFileSync(GENERATED_PATH, 'utf8');
    assert.doesNotMatch(source, /^import |new Function|\beval\(/m);
  });

  it('hold only what the flows use: the two token-response validators, no ajv-formats and no format checks', () => {
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

  it('count string lengths in UTF-16 units (unicode: false), same verdicts as code points, on any token', () => {
    // Around each limit, with characters outside the BMP (2 units, 1 code point) and non-ASCII BMP ones.
    const astral = '\u{1F511}';
    const tokens = [
      fakeToken(),
      fakeToken().slice(0, 255) + astral,
      fakeToken().slice(0, 254) + astral,
      fakeToken().slice(0, 255) + 'é',
      'x'.repeat(4095) + astral,
      'x'.repeat(4094) + astral,
      astral,
      'é',
      '',
      'x'.repeat(4096),
      'x'.repeat(4097),
    ];
    for (const token of tokens) {
      const sample = { token, refreshToken: fakeToken(), expiresIn: 3600 };
      const label = `${token.length} units: ${token.slice(-3)}`;
      assert.equal(validateTokenResponse(sample), runtime(sample).ok, label);
      assert.equal(validateOpaqueTokenResponse(sample), runtimeOpaque(sample).ok, label);
    }
  });
});
