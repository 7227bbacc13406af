// The run's deadline allows for a load extended for the requirements' minimums: the bound (--max-duration)
// on top of --duration (the Node engine goes on to it; k6 runs once more, up to it), and nothing when the
// bound does not extend.
import assert from 'node:assert/strict';
import { deadlineSeconds } from './run-deadline.ts';

const load = { only: ['load' as const], timeoutMs: 5000, runDeadlineSeconds: 0, throttleBudgetSeconds: 60 };

describe('run deadline', () => {
  it('adds the bound of an extended load, and nothing when the bound does not extend', () => {
    const fixed = deadlineSeconds({ ...load, durationSeconds: 10, maxDurationSeconds: 0 });
    assert.equal(deadlineSeconds({ ...load, durationSeconds: 10, maxDurationSeconds: 10 }), fixed);
    assert.equal(deadlineSeconds({ ...load, durationSeconds: 10 }), fixed);
    assert.equal(deadlineSeconds({ ...load, durationSeconds: 10, maxDurationSeconds: 60 }), fixed + 60 + 30);
  });

  it('a given TOKEN_SUITE_RUN_DEADLINE wins', () => {
    assert.equal(deadlineSeconds({ ...load, runDeadlineSeconds: 50, durationSeconds: 10, maxDurationSeconds: 60 }), 50);
  });
});
