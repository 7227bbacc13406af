// The compact token set: every repeat caught up to its capacity, fixed memory, and past capacity still
// comparing new tokens with the stored ones.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DigestSet, slotsFor } from './digest-set.ts';

const token = () => randomBytes(96).toString('base64');

describe('DigestSet', () => {
  it('catches every repeat among 200,000 tokens, growing from 1,024 slots, at most half full', () => {
    const set = new DigestSet(250_000);
    const tokens = Array.from({ length: 100_000 }, token);
    assert.ok(
      tokens.every((t) => set.add(t)),
      'all new',
    );
    assert.ok(
      tokens.every((t) => !set.add(`${t}`)),
      'all repeats caught',
    );
    assert.deepEqual(set.figures(), {
      checked: 200_000,
      remembered: 100_000,
      capacity: 250_000,
      memoryBytes: 524_288 * 8,
    });
    assert.equal(slotsFor(250_000), 524_288);
  });

  it('past capacity stores nothing more, but still catches a repeat of a stored token', () => {
    const set = new DigestSet(1000);
    const stored = Array.from({ length: 1000 }, token);
    stored.forEach((t) => set.add(t));
    const later = token();
    assert.equal(set.add(later), true);
    assert.equal(set.add(later), true, 'a token first seen past capacity is not remembered');
    assert.equal(set.add(stored[500] as string), false, 'a stored token is still caught');
    assert.deepEqual(set.figures(), { checked: 1003, remembered: 1000, capacity: 1000, memoryBytes: 2048 * 8 });
  });
});
