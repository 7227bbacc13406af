// passedButLoad06: the one exception the end-to-end "passes" tests allow (LOAD-06 inconclusive alone).
import assert from 'node:assert/strict';
import type { Summary } from '../verdict/summary.ts';
import { passedButLoad06 } from './reports.ts';

const summary = (verdict: string, statuses: Record<string, string>) =>
  ({ verdict, requirements: Object.entries(statuses).map(([id, status]) => ({ id, status })) }) as unknown as Summary;

describe('passedButLoad06', () => {
  it('takes a pass, and exit 3 with LOAD-06 the only requirement inconclusive', () => {
    assert.equal(passedButLoad06(0, summary('pass', { 'LOAD-06': 'pass', 'REFRESH-05': 'warn' })), true);
    assert.equal(passedButLoad06(3, summary('inconclusive', { 'LOAD-06': 'inconclusive', 'LOAD-01': 'pass' })), true);
  });

  it('refuses a failure, another inconclusive requirement, or an exit 0 that is not a pass', () => {
    assert.equal(passedButLoad06(1, summary('fail', { 'LOAD-06': 'fail' })), false);
    assert.equal(
      passedButLoad06(3, summary('inconclusive', { 'LOAD-06': 'inconclusive', 'LOAD-04': 'inconclusive' })),
      false,
    );
    assert.equal(passedButLoad06(3, summary('inconclusive', { 'LOAD-03': 'inconclusive' })), false);
    assert.equal(passedButLoad06(0, summary('error', {})), false);
  });
});
