// The requirements' minimums as counts: which are short, at what rate each came, how long a run at those rates
// needs; a requirement already settled by a violation needs no more evidence; LOAD-06 on the same windows as
// degradation.ts.
import assert from 'node:assert/strict';
import { emptyCounters } from '../flows/rotation.ts';
import { neededSeconds, shortfallsOf, suggestedDuration, type Evidence } from './minimums.ts';

/** A run of `seconds` that met every minimum: 40 answers in each 250 ms window. */
function enough(seconds = 10, extra: Partial<Evidence> = {}): Evidence {
  return {
    seconds,
    answers: 1000,
    checks: 1000,
    erred: false,
    endpoints: { token: 200, refresh: 800 },
    tokens: 1000,
    rotation: { ...emptyCounters(), replays_outside_grace: 20, family_probes_outside_grace: 20, races: 20 },
    windows: { windowMs: 250, answers: Array.from({ length: seconds * 4 }, () => 40) },
    ...extra,
  };
}

const ids = (e: Evidence) => shortfallsOf(e).map((s) => s.requirement);

describe('load minimums', () => {
  it('none short on a run that met them all', () => {
    assert.deepEqual(shortfallsOf(enough()), []);
  });

  it('says what is short, its rate and the seconds a run at that rate needs', () => {
    const short = shortfallsOf(enough(10, { endpoints: { token: 31, refresh: 800 } }));
    assert.deepEqual(ids(enough(10, { endpoints: { token: 31, refresh: 800 } })), ['LOAD-02']);
    const [s] = short;
    assert.equal(s?.per_second, 3.1);
    assert.equal(Math.round(s?.needed_s ?? 0), 16);
    assert.equal(
      s?.sentence,
      'LOAD-02: 31 of 50 answers on POST /v1/token; at 3.1 answers/s on POST /v1/token, 50 need ~17 s',
    );
    assert.equal(suggestedDuration(neededSeconds(short) ?? 0), 20);
  });

  it('needs no more evidence for a requirement a violation already settled', () => {
    const rotation = { ...emptyCounters(), races: 3, replays_outside_grace: 2, family_probes_outside_grace: 1 };
    assert.deepEqual(ids(enough(10, { rotation })), ['LOAD-03', 'LOAD-07', 'LOAD-04']);
    const violations = {
      ...rotation.violations,
      replay_accepted: 1,
      family_survived_replay: 1,
      race_without_winner: 1,
    };
    assert.deepEqual(ids(enough(10, { rotation: { ...rotation, violations } })), []);
    assert.deepEqual(ids(enough(10, { answers: 5, checks: 5 })), ['LOAD-01', 'LOAD-01']);
    assert.deepEqual(ids(enough(10, { answers: 5, checks: 5, erred: true })), []);
  });

  it('LOAD-06: 4 windows with 20+ answers in each third, merged as degradation.ts merges them', () => {
    // 10 answers a window of 250 ms: windows of 500 ms hold 20, and 12 of them need 6 s of load.
    const thin = (seconds: number) =>
      enough(seconds, { windows: { windowMs: 250, answers: Array.from({ length: seconds * 4 }, () => 10) } });
    const [s] = shortfallsOf(thin(4));
    assert.equal(s?.requirement, 'LOAD-06');
    assert.equal(s?.have, 0);
    // Planned at 3/4 of the rate (windows vary): 7.5 answers a window, so windows of 750 ms, and 12 of them.
    assert.equal(s?.needed_s, 9);
    assert.deepEqual(ids(thin(6)), []);
  });

  it('LOAD-06: a last third starved of answers fails: no more windows needed', () => {
    // 40 answers a window for 4 s, then none for 2 s: the last third has none.
    const answers = [...Array.from({ length: 16 }, () => 40), ...Array.from({ length: 8 }, () => 0)];
    assert.deepEqual(ids(enough(6, { windows: { windowMs: 250, answers } })), []);
  });

  it('no rate, no estimate: what never came cannot say how long a run needs', () => {
    const rotation = { ...emptyCounters(), replays_outside_grace: 20, family_probes_outside_grace: 20, races: 0 };
    const short = shortfallsOf(enough(10, { rotation }));
    assert.equal(short[0]?.needed_s, null);
    assert.match(short[0]?.sentence ?? '', /none in 10 s: no rate to tell/);
    assert.equal(neededSeconds(short), null);
  });
});
