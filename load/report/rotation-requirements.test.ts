// LOAD-03, LOAD-04 and LOAD-07 from the rotation counters: a violation fails (LOAD-07: warns) whatever the
// count; no violation passes only on enough answered evidence (outside the grace window when there is one);
// unanswered evidence is shown and never counted; a k6 summary without a rotation counter judges nothing.
import assert from 'node:assert/strict';
import { emptyCounters, TALLIES, VIOLATIONS, type RotationCounters } from '../flows/rotation.ts';
import { engineSettings } from '../../testing/engine-settings.ts';
import { k6LoadReport, type K6Summary } from '../k6/report.ts';
import type { LoadReport } from './load-report.ts';
import { loadRequirements } from './requirements.ts';
import { MIN_ROTATION_EVIDENCE as MIN } from './minimums.ts';
import { loadReportFixture } from '../../testing/load-report-fixture.ts';
import { noContention } from '../measure/contention-sampler.ts';

const report = (rotation: Partial<RotationCounters>, extra: Partial<LoadReport> = {}) =>
  loadReportFixture({ rotation: { ...emptyCounters(), ...rotation }, ...extra });
const violations = (v: Partial<RotationCounters['violations']>) => ({ ...emptyCounters().violations, ...v });
const judged = (r: LoadReport, id: string) => loadRequirements(r).find((q) => q.id === id)!;
const statusOf = (r: LoadReport, id: string) => judged(r, id).status;

describe('rotation requirements (LOAD-03, LOAD-04, LOAD-07)', () => {
  it(`pass on ${MIN} answered replays, families and races with no violation; below that, inconclusive`, () => {
    const enough = { replays: MIN, replays_outside_grace: MIN, family_probes: MIN, family_probes_outside_grace: MIN };
    const full = report({ ...enough, races: MIN });
    assert.deepEqual(
      ['LOAD-03', 'LOAD-04', 'LOAD-07'].map((id) => statusOf(full, id)),
      ['pass', 'pass', 'pass'],
    );
    const short = report({ replays: MIN - 1, replays_outside_grace: MIN - 1, races: MIN - 1 });
    assert.deepEqual(
      ['LOAD-03', 'LOAD-04', 'LOAD-07'].map((id) => statusOf(short, id)),
      ['inconclusive', 'inconclusive', 'inconclusive'],
    );
    assert.match(judged(short, 'LOAD-03').evidence.join(' '), /only 9 answered replays .*fewer than the 10 needed/);
    for (const id of ['LOAD-03', 'LOAD-04', 'LOAD-07']) assert.match(judged(full, id).minimum ?? '', /^10 /);
  });

  it('fail (LOAD-07: warn) on one violation, however little was answered', () => {
    const one = report({
      replays: 1,
      replays_outside_grace: 1,
      family_probes: 1,
      races: 1,
      violations: violations({ replay_accepted: 1, family_survived_replay: 1, race_double_win: 1 }),
    });
    assert.deepEqual(
      ['LOAD-03', 'LOAD-04', 'LOAD-07'].map((id) => statusOf(one, id)),
      ['fail', 'fail', 'warn'],
    );
  });

  it('with a grace, judge only replays outside the window: any number inside it proves nothing', () => {
    const inside = { replays: 5000, replays_in_grace: 5000, replays_accepted_in_grace: 5000, races: 500 };
    const r = report({ ...inside, family_probes: 5000, families_survived_in_grace: 5000 }, { rotation_grace_s: 2 });
    assert.equal(statusOf(r, 'LOAD-03'), 'inconclusive');
    assert.equal(statusOf(r, 'LOAD-07'), 'inconclusive');
    assert.deepEqual(judged(r, 'LOAD-03').evidence.slice(0, 2), [
      '0 rotations, 5000 replays answered: 0 outside the 2 s grace window ' +
        '(rotated out 2 s + 100 ms or more before the replay was sent): 0 replays accepted',
      '5000 replays inside the window: 5000 accepted (allowed)',
    ]);
    assert.match(judged(r, 'LOAD-03').evidence.join(' '), /rotated out 2 s \+ 250 ms earlier, so the run must last/);
  });

  it('show unanswered replays, probes and races, counted in none of the figures judged', () => {
    const r = report({ replays_unanswered: 40, family_probes_unanswered: 3, races_unanswered: 7 });
    assert.equal(statusOf(r, 'LOAD-03'), 'inconclusive');
    assert.match(
      judged(r, 'LOAD-03').evidence.join(' '),
      /0 replays answered: 0 replays accepted 40 replays got no HTTP answer/,
    );
    assert.match(judged(r, 'LOAD-07').evidence.join(' '), /3 family probes got no HTTP answer/);
    assert.match(judged(r, 'LOAD-04').evidence.join(' '), /7 races in which a racer got no HTTP answer/);
  });

  it("k6: every tally and violation read from k6's summary; one missing: the three inconclusive", () => {
    const counter = (count: number) => ({ values: { count } });
    const metrics: K6Summary['metrics'] = {};
    TALLIES.forEach((tally, k) => (metrics[`rotation_${tally}`] = counter(MIN + k)));
    for (const violation of VIOLATIONS) metrics[`rotation_${violation}`] = counter(0);
    const collector = { batches: 0, malformed: 0, vus: 1, tokens: 0, collisions: 0, overflowed: false, answers: 0 };
    const contention = noContention();
    const run = (m: K6Summary['metrics']) =>
      k6LoadReport(
        { summary: { metrics: m }, samples: [], collector, steady: true, stoppedEarly: false, contention },
        engineSettings('http://127.0.0.1:1', { TOKEN_SUITE_ROTATION_GRACE_SECONDS: '2' }),
      );
    const whole = run(metrics);
    assert.deepEqual(
      TALLIES.map((tally) => whole.rotation[tally]),
      TALLIES.map((_, k) => MIN + k),
    );
    assert.equal(whole.rotation_grace_s, 2);
    assert.equal(whole.rotation_missing, undefined);
    const { rotation_replays_outside_grace: _gone, ...rest } = metrics;
    const broken = { ...run(rest), requests: 1000 };
    assert.deepEqual(broken.rotation_missing, ['rotation_replays_outside_grace']);
    for (const id of ['LOAD-03', 'LOAD-04', 'LOAD-07']) {
      assert.equal(statusOf(broken, id), 'inconclusive', id);
      assert.match(judged(broken, id).evidence.join(' '), /k6's summary lacks rotation_replays_outside_grace/);
    }
  });
});
