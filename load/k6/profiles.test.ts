// The k6 profiles' shapes: the stress profile's ramps scale with the duration (they were 30 s whatever it was).
import assert from 'node:assert/strict';
import { durationSeconds, rampOf } from './scripts/lib/profiles.ts';

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
});
