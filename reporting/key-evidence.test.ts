import assert from 'node:assert/strict';
import { keyEvidence } from './key-evidence.ts';

describe('keyEvidence: the lines a reader needs first', () => {
  it('puts what was missing before what passed, so an inconclusive requirement says why', () => {
    const evidence = ['ok: a', 'ok: b', 'ok: c', 'MISSING: a 1 MiB body → the connection was reset'];
    assert.deepEqual(keyEvidence(evidence, 2), ['MISSING: a 1 MiB body → the connection was reset', 'ok: a']);
  });

  it('puts failures first, keeps the order within each group, and cuts long lines', () => {
    const evidence = ['ok: a', 'FAILED: b', 'MISSING: c', `ok: ${'x'.repeat(20)}`];
    assert.deepEqual(keyEvidence(evidence, 4, 10), ['FAILED: b', 'MISSING: c', 'ok: a', 'ok: xxxxxx…']);
  });
});
