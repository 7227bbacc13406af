// Tokens are documented-format strings held flat: one 256-byte string each, not a concatenation of pieces.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isDocumentedToken } from '../../schemas/token-format.ts';
import { newToken } from './tokens.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('reference server: token values', () => {
  it('are documented-format and distinct', () => {
    const tokens = Array.from({ length: 1000 }, newToken);
    assert.ok(tokens.every(isDocumentedToken));
    assert.equal(new Set(tokens).size, tokens.length);
  });

  it('cost under 1 KiB of heap each while held (a flat 256-byte string is ~272 bytes; 224 pieces are ~7 KB)', () => {
    const count = 20_000;
    gc();
    const before = process.memoryUsage().heapUsed;
    const tokens = Array.from({ length: count }, newToken);
    gc();
    const perToken = (process.memoryUsage().heapUsed - before) / count;
    assert.equal(tokens.length, count);
    assert.ok(perToken < 1024, `${Math.round(perToken)} bytes per token`);
  });
});
