// The k6 profiles' shapes: the stress profile's ramps scale with the duration (they were 30 s whatever it was).
import assert from 'node:assert/strict';
import { arrivalRateOf, durationSeconds, rampOf, scenarioFor } from './scripts/lib/profiles.ts';
import { k6Rate } from './scripts/lib/rate.ts';
import type { K6Settings } from './scripts/lib/settings.ts';

/** What scenarioFor reads of the k6 settings (settings.ts reads k6's __ENV when loaded, so not imported). */
const settingsOf = (profile: string, rate: number) =>
  ({ profile, rate, vus: 23, duration: '1m', timeoutMs: 5000, iterations: 3 }) as K6Settings;

describe('k6 profiles', () => {
  it('reads k6 durations', () => {
    assert.equal(durationSeconds('90s'), 90);
    assert.equal(durationSeconds('1m30s'), 90);
    assert.equal(durationSeconds('2h'), 7200);
    assert.equal(durationSeconds('500ms'), 0.5);
    assert.ok(Number.isNaN(durationSeconds('soon')));
  });

  it('stress ramps over a quarter of the duration, at least a second', () => {
    assert.equal(rampOf('10s'), '3s');
    assert.equal(rampOf('4m'), '60s');
    assert.equal(rampOf('2s'), '1s');
    assert.equal(rampOf('whenever'), '30s');
  });

  it('runs a rate with decimals as whole iterations per 100 s (k6 takes whole ones per timeUnit)', () => {
    assert.deepEqual(arrivalRateOf(6), { rate: 6, timeUnit: '1s' });
    assert.deepEqual(arrivalRateOf(5.67), { rate: 567, timeUnit: '100s' });
    assert.deepEqual(arrivalRateOf(0.5), { rate: 50, timeUnit: '100s' });
    assert.deepEqual(arrivalRateOf(5.666), { rate: 567, timeUnit: '100s' });
    assert.equal(k6Rate(0.001), 0.01);
    assert.deepEqual(
      { ...scenarioFor(settingsOf('load', 5.67)), gracefulStop: undefined },
      {
        executor: 'constant-arrival-rate',
        rate: 567,
        timeUnit: '100s',
        duration: '1m',
        preAllocatedVUs: 23,
        maxVUs: 115,
        gracefulStop: undefined,
      },
    );
    // The ramps of the stress profile stay whole iterations per second.
    const stress = scenarioFor(settingsOf('stress', 5.67));
    assert.equal((stress as { stages: { target: number }[] }).stages[0]?.target, 6);
  });
});
