// The watch that extends a load past --duration: it ends the load at --duration when nothing is short, goes on
// until the minimums are met, never past the bound, and ends early when the rates say the bound is not enough.
import assert from 'node:assert/strict';
import { emptyCounters } from '../flows/rotation.ts';
import type { Evidence } from '../report/minimums.ts';
import { MinimumsWatch, type Extension } from './minimums-watch.ts';

/** A server whose races come at `racesPerSecond`; every other minimum is met from the start. */
const evidenceAt =
  (racesPerSecond: number) =>
  (seconds: number): Evidence => ({
    seconds,
    answers: 1000,
    checks: 1000,
    erred: false,
    endpoints: { token: 1000, refresh: 1000 },
    tokens: 1000,
    rotation: {
      ...emptyCounters(),
      replays_outside_grace: 20,
      family_probes_outside_grace: 20,
      races: Math.floor(racesPerSecond * seconds),
    },
    // Windows of 10 ms, so that LOAD-06's 12 windows fit in the first 0.3 s of this fast clock.
    windows: { windowMs: 10, answers: Array.from({ length: 1000 }, () => 100) },
  });

/** Runs a watch on a clock of its own; resolves with the seconds it stopped at and what it says. */
function watch(
  asked: number,
  bound: number,
  racesPerSecond: number,
  read = evidenceAt(racesPerSecond),
): Promise<{ stopped: number; e: Extension }> {
  return new Promise((resolve) => {
    const w: MinimumsWatch = new MinimumsWatch({
      askedSeconds: asked,
      boundSeconds: bound,
      read,
      stop: (stopped) => setImmediate(() => resolve({ stopped, e: w.extension })),
    });
    w.start(performance.now());
  });
}

describe('minimums watch', () => {
  it('ends the load at --duration when nothing is short: a fast server is never extended', async () => {
    const { stopped, e } = await watch(0.3, 5, 100);
    assert.equal(stopped, 0.3);
    assert.deepEqual([e.extended, e.ended, e.ran_s], [false, 'met', 0.3]);
    assert.match(e.summary, /not extended/);
  });

  it('goes on until the minimums are met, and says why', async () => {
    // 10 races need 1 s at 10 races/s: short at 0.3 s, met at the first look past 1 s.
    const { stopped, e } = await watch(0.3, 5, 10);
    assert.ok(stopped >= 1 && stopped < 2, `stopped at ${stopped} s`);
    assert.deepEqual([e.extended, e.ended], [true, 'met']);
    assert.deepEqual(
      e.short_at_duration.map((s) => [s.requirement, s.have]),
      [['LOAD-04', 3]],
    );
    assert.match(
      e.summary,
      /^extended from 0\.3 s to 1\.\d+ s \(bound 5 s\), at --duration 0\.3 s short of: LOAD-04 3\/10/,
    );
  });

  it('never past the bound', async () => {
    // 10 races need 1.67 s at 6/s; the bound of 1.2 s is within 1.5×, so it runs to the bound.
    const { stopped, e } = await watch(0.5, 1.2, 6);
    assert.equal(stopped, 1.2);
    assert.deepEqual([e.extended, e.ended, e.ran_s], [true, 'bound', 1.2]);
    assert.match(e.summary, /still short at the bound/);
  });

  it('ends at --duration when the rates say the bound cannot be enough', async () => {
    // 10 races need 10 s at 1/s: far past a bound of 2 s.
    const { stopped, e } = await watch(0.5, 2, 2);
    assert.equal(stopped, 0.5);
    assert.deepEqual([e.extended, e.ended], [false, 'beyond_bound']);
    assert.match(e.summary, /need more than the bound of 2 s/);
  });

  it('ends at --duration when the server answered nothing for 3 s: no more evidence would come', async () => {
    // Races are short, and no window of the last 3 s has an answer.
    const silent = (seconds: number) => ({
      ...evidenceAt(5)(seconds),
      seconds: seconds + 3,
      windows: { windowMs: 10, answers: Array.from({ length: 1000 }, (_, w) => (w < 30 ? 100 : 0)) },
    });
    const { stopped, e } = await watch(0.3, 5, 5, silent);
    assert.equal(stopped, 0.3);
    assert.deepEqual([e.extended, e.ended], [false, 'stalled']);
    assert.match(e.summary, /answered nothing in the last 3 s/);
  });
});
