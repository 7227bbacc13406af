import assert from 'node:assert/strict';
import { hodgesLehmann, proportionShift, ratioShift } from './stats.ts';

describe('baseline statistics (Hodges-Lehmann shift, Mann-Whitney interval)', () => {
  it('estimates the median of the pairwise differences, with an interval around it', () => {
    const old = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const now = old.map((x) => x + 5);
    const shift = hodgesLehmann(old, now)!;
    assert.equal(shift.estimate, 5);
    assert.ok(shift.low < 5 && shift.high > 5 && shift.low > 0, JSON.stringify(shift));
  });

  it('takes the k-th smallest and largest differences, k from the rank-sum normal approximation', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const y = x.map((v) => v + 3);
    const shift = hodgesLehmann(x, y)!;
    // k = floor(50 - 1.96 × sqrt(100 × 21 / 12)) = 24: the 24th smallest and 24th largest of the 100 differences.
    assert.deepEqual(shift, { estimate: 3, low: 0, high: 6 });
  });

  it('gives no interval for too few windows', () => {
    assert.equal(hodgesLehmann([1, 2], [3, 4]), null);
    assert.equal(hodgesLehmann([], [1, 2, 3]), null);
  });

  it('measures latency and throughput as ratios, the same at any speed', () => {
    const old = [10, 12, 11, 13, 9, 10, 12, 11];
    const fast = ratioShift(
      old,
      old.map((x) => 2 * x),
    )!;
    const slow = ratioShift(
      old.map((x) => 100 * x),
      old.map((x) => 200 * x),
    )!;
    assert.ok(Math.abs(fast.estimate - 2) < 1e-9 && Math.abs(slow.estimate - 2) < 1e-9);
    assert.ok(Math.abs(fast.low - slow.low) < 1e-9);
  });

  it('an error rate difference carries its own noise', () => {
    const none = proportionShift({ events: 0, trials: 1000 }, { events: 0, trials: 1000 })!;
    assert.deepEqual(none, { estimate: 0, low: 0, high: 0 });
    const one = proportionShift({ events: 0, trials: 5000 }, { events: 1, trials: 5000 })!;
    assert.ok(one.low < 0, 'one error in 5000 is within noise');
    const many = proportionShift({ events: 0, trials: 5000 }, { events: 50, trials: 5000 })!;
    assert.ok(many.low > 0, '1% errors is beyond it');
  });
});
