// k6 runs a fixed duration: a run short of a minimum runs once more, for as long as its rates say, never past
// the bound; not when nothing is short, when the bound is not enough, or when some evidence never came.
import assert from 'node:assert/strict';
import { loadReportFixture } from '../../testing/load-report-fixture.ts';
import type { MinimumsFigures } from '../report/minimums-report.ts';
import type { Shortfall } from '../report/minimums.ts';
import { rerunExtension, rerunSeconds } from './rerun.ts';

const races: Shortfall = {
  requirement: 'LOAD-04',
  what: 'races with every racer answered',
  have: 6,
  need: 10,
  per_second: 0.6,
  needed_s: 16.7,
  sentence: 'LOAD-04: 6 of 10 races with every racer answered; at 0.6 races/s with every racer answered, 10 need ~17 s',
};
const short = (minimums: Partial<MinimumsFigures>) =>
  loadReportFixture({ minimums: { short: [races], needed_s: 16.7, run_with_s: 20, ...minimums } });

describe('k6 run once more for the minimums', () => {
  it('for as long as the rates say, at least half again as long, never past the bound', () => {
    assert.equal(rerunSeconds(short({}), 10, 60), 20);
    assert.equal(rerunSeconds(short({ run_with_s: 10 }), 10, 60), 15);
    assert.equal(rerunSeconds(short({ run_with_s: 10 }), 10, 12), 12);
  });

  it('not when nothing is short, the bound is not enough, or some evidence never came', () => {
    assert.equal(rerunSeconds(short({ short: [], run_with_s: null }), 10, 60), null);
    assert.equal(rerunSeconds(short({ run_with_s: 90 }), 10, 60), null);
    assert.equal(rerunSeconds(short({ run_with_s: null, needed_s: null }), 10, 60), null);
  });

  it('says why it ran, and how the second run ended', () => {
    const second = loadReportFixture({ duration_s: 20.4, minimums: { short: [], needed_s: 0, run_with_s: null } });
    const e = rerunExtension([races], second, { asked: 10, again: 20, bound: 60 });
    assert.deepEqual([e.extended, e.ended, e.ran_s], [true, 'met', 20.4]);
    assert.match(e.summary, /its 10 s run was short of LOAD-04 6\/10 races .* once more for 20 s .*every minimum met/);
  });
});
