// Overload told apart from degradation, on made-up runs: an open-model run whose server answers less than
// offered is overloaded; its latency climbing as the queue fills fails LOAD-06 without this rule (shown) and
// passes with it while the throughput holds; a throughput that falls by more than 20% still fails.
import assert from 'node:assert/strict';
import { Recorder } from '../measure/recorder.ts';
import { degradationOf } from './degradation.ts';
import { judgeOverloaded, overloadOf } from './overload.ts';

const thresholds = { degradationFactor: 1.4, degradationSlackMs: 1 };

/** 12 s of answers: `perSecond(t)` a second (a fifth of them token answers), latency `latencyMs(t)`. */
function run(perSecond: (t: number) => number, latencyMs: (t: number) => number): Recorder {
  const recorder = new Recorder(0, 250);
  let n = 0;
  for (let ms = 0; ms < 12_000; ms += 1) {
    const t = ms / 1000;
    const due = Math.floor(((ms + 1) * perSecond(t)) / 1000) - Math.floor((ms * perSecond(t)) / 1000);
    for (let i = 0; i < due; i += 1) recorder.record(n++ % 5 === 0 ? 'token' : 'refresh', latencyMs(t), true, ms);
  }
  return recorder;
}

describe('overload (offered against achieved) and LOAD-06', () => {
  it('the closed model has no offered rate: no overload figure', () => {
    assert.equal(
      overloadOf(
        run(
          () => 100,
          () => 5,
        ),
        12,
        0,
        null,
      ),
      null,
    );
  });

  it('a rate achieved is within capacity; one achieved at half is overloaded, per endpoint', () => {
    const recorder = run(
      () => 100,
      () => 5,
    );
    const fine = overloadOf(recorder, 12, 20, { scheduled: 240, dropped: 0 })!;
    assert.equal(fine.overloaded, false);
    assert.ok(Math.abs(fine.achieved_flows_per_s - 20) < 1, String(fine.achieved_flows_per_s));
    const over = overloadOf(recorder, 12, 40, { scheduled: 480, dropped: 0 })!;
    assert.equal(over.overloaded, true);
    assert.equal(over.endpoints.token.offered_rps, 40);
    assert.ok(Math.abs(over.endpoints.refresh.offered_rps - 160) < 8, String(over.endpoints.refresh.offered_rps));
    assert.match(over.summary, /overloaded: 40 flows\/s offered, 20 achieved \(50%\)/);
  });

  it('a throttled answer (429, 503 with Retry-After) is not capacity achieved', () => {
    const recorder = run(
      () => 100,
      () => 5,
    );
    // As many again throttled: counted as requests, never as answers served.
    for (let ms = 0; ms < 12_000; ms += 10) recorder.throttled(ms % 50 === 0 ? 'token' : 'refresh', 429, ms);
    const over = overloadOf(recorder, 12, 40, { scheduled: 480, dropped: 0 })!;
    assert.equal(over.overloaded, true);
    assert.ok(Math.abs(over.achieved_flows_per_s - 20) < 1, String(over.achieved_flows_per_s));
  });

  it("the flows' first requests answered while their later ones queue is overload too", () => {
    // 20 token answers/s at 20 flows/s offered, but 80 refreshes/s where the mix asks 6 a flow (120/s).
    const queued = overloadOf(
      run(
        () => 100,
        () => 5,
      ),
      12,
      20,
      { scheduled: 240, dropped: 0 },
      6,
    )!;
    assert.equal(queued.overloaded, true);
    assert.equal(queued.endpoints.refresh.offered_rps, 120);
    assert.equal(
      overloadOf(
        run(
          () => 100,
          () => 5,
        ),
        12,
        20,
        { scheduled: 240, dropped: 0 },
        4,
      )!.overloaded,
      false,
    );
  });

  it('dropped starts beyond 1% are overload even when the answered rate looks right', () => {
    const dropped = overloadOf(
      run(
        () => 100,
        () => 5,
      ),
      12,
      20,
      { scheduled: 240, dropped: 10 },
    )!;
    assert.equal(dropped.overloaded, true);
  });

  it('latency climbing as the queue fills, throughput steady: LOAD-06 fails without the rule, passes with it', () => {
    const recorder = run(
      () => 100,
      (t) => 20 + 100 * t,
    );
    const overload = overloadOf(recorder, 12, 40, { scheduled: 480, dropped: 30 });
    const plain = degradationOf(recorder, 12, thresholds, false);
    assert.equal(plain.judgement, 'fail', 'the latency judgement alone calls the queue a slowdown');
    const judged = judgeOverloaded(degradationOf(recorder, 12, thresholds, true), overload);
    assert.equal(judged.judgement, 'pass', judged.reasons.join('; '));
    assert.equal(judged.overloaded, true);
    assert.match(judged.reasons.join(' '), /latency is not judged: overloaded/);
    // The same held throughput while a neighbour of the first third left: it may have hidden a fall.
    const left = {
      others: Array.from({ length: 48 }, (_, w) => (w >= 32 ? 1 : 3.6)),
      stretch: Array.from({ length: 48 }, (_, w) => (w >= 32 ? 1.5 : 2.4)),
    };
    const quieter = judgeOverloaded(degradationOf(recorder, 12, thresholds, true, left), overload);
    assert.equal(quieter.judgement, 'inconclusive', quieter.reasons.join('; '));
    assert.match(quieter.reasons.join(' '), /the machine got quieter/);
  });

  it('an overloaded server that serves less as it fills fails LOAD-06', () => {
    const recorder = run(
      (t) => 100 / (1 + t / 4),
      (t) => 20 + 100 * t,
    );
    const overload = overloadOf(recorder, 12, 40, { scheduled: 480, dropped: 30 });
    const judged = judgeOverloaded(degradationOf(recorder, 12, thresholds, true), overload);
    assert.equal(judged.judgement, 'fail', judged.reasons.join('; '));
    assert.match(judged.reasons[0]!, /answered less as it filled/);
  });

  it('within capacity, the latency judgement stands', () => {
    const recorder = run(
      () => 100,
      (t) => 20 + 100 * t,
    );
    const overload = overloadOf(recorder, 12, 20, { scheduled: 240, dropped: 0 });
    const judged = judgeOverloaded(degradationOf(recorder, 12, thresholds, false), overload);
    assert.equal(judged.judgement, 'fail');
    assert.equal(judged.overloaded, undefined);
  });

  it('a server that kept up in the first third and then fell behind is judged on latency: its capacity fell', () => {
    // 20 flows/s offered; answered in full (100 answers/s, a fifth token answers) for 4 s, then 80/s, the
    // latency climbing from there as the queue fills: overloaded overall, but the first third kept up.
    const recorder = run(
      (t) => (t < 4 ? 100 : 80),
      (t) => (t < 4 ? 5 : 5 + 40 * (t - 4)),
    );
    const overload = overloadOf(recorder, 12, 20, { scheduled: 240, dropped: 10 })!;
    assert.equal(overload.overloaded, true);
    assert.ok(overload.first_third_share >= 0.97, String(overload.first_third_share));
    const judged = judgeOverloaded(degradationOf(recorder, 12, thresholds, true), overload);
    assert.equal(judged.judgement, 'fail', judged.reasons.join('; '));
    assert.match(
      judged.reasons.join(' '),
      /kept up with the offered rate in the first third \(100%\) and answered 20% less/,
    );
    // A server that kept up as well, at a steady pace, its latency climbing: the queue of a rate just past its
    // capacity, not a slowdown (throughput did not fall).
    const steady = run(
      () => 100,
      (t) => 5 + 40 * t,
    );
    // The same fall while a neighbour that came took as much from the run (its stretch grew x1.3): inconclusive.
    const contention = {
      others: Array.from({ length: 48 }, (_, w) => (w >= 32 ? 1.5 : 0.1)),
      stretch: Array.from({ length: 48 }, (_, w) => (w >= 32 ? 1.3 : 1)),
    };
    const crowded = judgeOverloaded(degradationOf(recorder, 12, thresholds, true, contention), overload);
    assert.equal(crowded.judgement, 'inconclusive', crowded.reasons.join('; '));
    assert.match(crowded.reasons.join(' '), /kept up .* the machine got busier: .* and it stretched/);
    const atCapacity = overloadOf(steady, 12, 20.5, { scheduled: 246, dropped: 10 })!;
    assert.ok(atCapacity.overloaded && atCapacity.first_third_share >= 0.97);
    assert.equal(judgeOverloaded(degradationOf(steady, 12, thresholds, true), atCapacity).judgement, 'pass');
  });
});
