// LOAD-06's statistic on recorders filled with known latencies: a sustained slowdown fails, a few slow
// windows do not, too few answers or a noisy first third are inconclusive, and a slowdown that comes with a
// busier machine is not blamed on the server.
import assert from 'node:assert/strict';
import { Recorder } from '../measure/recorder.ts';
import { degradationOf } from './degradation.ts';
import { NO_STRETCH, OTHERS_RISE, STRETCH_MARGIN } from './neighbour.ts';

const THRESHOLDS = { degradationFactor: 1.4, degradationSlackMs: 1 };
const SECONDS = 6;

/** 24 windows of 250 ms, 40 answers each, latency (ms) from `latency(window, i)`. */
function recorded(latency: (window: number, i: number) => number | null, answers = 40): Recorder {
  const recorder = new Recorder(0, 250);
  for (let w = 0; w < (SECONDS * 1000) / 250; w += 1) {
    for (let i = 0; i < answers; i += 1) {
      const ms = latency(w, i);
      recorder.record('refresh', ms, ms !== null, w * 250 + (i * 250) / answers);
    }
  }
  return recorder;
}
const jitter = (w: number, i: number) => 10 + ((w * 7 + i * 13) % 5) / 5;

/** A per-window series: `from` in the first two thirds, `from + by` in the last. */
const series = (from: number, by: number) => Array.from({ length: 24 }, (_, w) => (w >= 16 ? from + by : from));
/** Other processes wanted `by` more cores in the last third; the run's own stretch unknown (unreadable). */
const rising = (from: number, by: number) => ({ others: series(from, by), stretch: [] });
/** The same, with the run's own stretch going from 1.05 to 1.05 × `grew` in the last third. */
const took = (from: number, by: number, grew: number) => ({
  others: series(from, by),
  stretch: series(1.05, 1.05 * (grew - 1)),
});

describe('LOAD-06: degradation over the run', () => {
  it('passes a steady server', () => {
    const d = degradationOf(recorded(jitter), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'pass', d.reasons.join('; '));
    assert.deepEqual([d.windows, d.counted.first, d.counted.last], [24, 8, 8]);
  });

  it('fails a server 50% slower over the last third', () => {
    const d = degradationOf(
      recorded((w, i) => jitter(w, i) * (w >= 16 ? 1.5 : 1)),
      SECONDS,
      THRESHOLDS,
      true,
    );
    assert.equal(d.judgement, 'fail');
    assert.ok(d.last_p95_ms > d.bar_ms, JSON.stringify(d));
  });

  it('fails a server that slows down steadily from the start (a drift does not inflate the noise)', () => {
    const d = degradationOf(
      recorded((w, i) => jitter(w, i) * (1 + w * 0.05)),
      SECONDS,
      THRESHOLDS,
      true,
    );
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
  });

  it('passes a server with three slow windows in the last third (a hiccup, not a slowdown)', () => {
    const d = degradationOf(
      recorded((w, i) => jitter(w, i) * ([17, 19, 21].includes(w) ? 3 : 1)),
      SECONDS,
      THRESHOLDS,
      true,
    );
    assert.equal(d.judgement, 'pass', JSON.stringify(d));
  });

  it('is inconclusive with too few answers per window, whatever the latencies', () => {
    const d = degradationOf(recorded(jitter, 3), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'inconclusive');
    assert.match(d.reasons[0]!, /needs 4 windows with 20\+ answers in each third/);
  });

  it('merges windows when each has too few answers, and judges on the merged ones', () => {
    const d = degradationOf(
      recorded((w, i) => jitter(w, i) * (w >= 16 ? 1.6 : 1), 12),
      SECONDS,
      THRESHOLDS,
      true,
    );
    assert.equal(d.window_ms, 500);
    assert.equal(d.judgement, 'fail');
  });

  it('is inconclusive when the last third looks 1.4× slower but the first third was too noisy to tell', () => {
    // First third: 6 and 16 ms in turn (median 11, noise ±7.6); last third 20 ms: 1.8× as slow, below 3 noises.
    const noisy = (w: number) => (w < 8 ? (w % 2 ? 6 : 16) : w >= 16 ? 20 : 10);
    const d = degradationOf(recorded(noisy), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'inconclusive', JSON.stringify(d));
  });

  it('is inconclusive when only the p95 rose past its bar and the p50 stayed (hiccups, not a slower server)', () => {
    // Every window's median stays near 10 ms; its 4 slowest answers (p95) take 20 ms, then 40 in the last third.
    const tail = (w: number, i: number) => (i >= 36 ? (w >= 16 ? 40 : 20) : jitter(w, i));
    const d = degradationOf(recorded(tail), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'inconclusive', JSON.stringify(d));
    assert.match(d.reasons.join('; '), /only the p95 rose past its bar; the p50 stayed within 1.4×/);
  });

  it('fails a tail that slowed far beyond the noise (p95 30× as slow), even with the p50 flat', () => {
    const tail = (w: number, i: number) => (i >= 36 ? (w >= 16 ? 600 : 20) : jitter(w, i));
    const d = degradationOf(recorded(tail), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.match(d.reasons.join('; '), /the tail slowed far beyond the run's noise/);
  });

  it('fails a tail that rises steadily over the run, even with the p50 flat; hiccups at random times do not', () => {
    const trend = (w: number, i: number) => (i >= 36 ? 20 + 2 * w : jitter(w, i));
    const d = degradationOf(recorded(trend), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.match(d.reasons.join('; '), /the tail rose steadily over the run/);
    // The same slow tails, at times that rise in no order: not a trend.
    const shuffled = (w: number, i: number) => (i >= 36 ? 20 + 2 * ((w * 11) % 24) : jitter(w, i));
    assert.notEqual(degradationOf(recorded(shuffled), SECONDS, THRESHOLDS, true).judgement, 'fail');
  });

  it("fails a slow tail past a client-bound first third: judged against the first third at the last one's load", () => {
    // Fixed users on a loaded client (k6 on two cores): every answer waits ~18 ms in the first third (p50 20,
    // p95 60). Then 10% of answers take 270 ms: the users send fewer requests, the wait goes (p50 2), and the
    // tail is 4.5× the first third's p95, 6.4× the 42 ms it would have had at the last third's load.
    const loaded = (w: number, i: number) => (w < 16 ? (i >= 36 ? 60 : 20) : i >= 36 ? 270 : 2) + (i % 5) / 5;
    const d = degradationOf(recorded(loaded), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.match(
      d.reasons.join('; '),
      /5× the first third's \(42\.\d+ ms: its 60\.\d+ ms less the 18\.\d+ ms its p50 lost\)/,
    );
    // The same tail with the p50 as loaded in both thirds: 4.5× a first third that was not unloaded, inconclusive.
    const steady = (w: number, i: number) => (w < 16 ? (i >= 36 ? 60 : 20) : i >= 36 ? 270 : 20) + (i % 5) / 5;
    assert.equal(degradationOf(recorded(steady), SECONDS, THRESHOLDS, true).judgement, 'inconclusive');
  });

  it("fails a tail rising steadily within a noisy first third's bar: a rise ordered in time is not noise", () => {
    // The window p95s climb 8 ms a window, every other window 60 ms higher (a client's hiccups): the last third
    // is 2.3× the first, within its 3 noise widths; in time order they rise far beyond chance.
    const climbing = (w: number, i: number) => (i >= 36 ? 40 + 8 * w + (w % 2 ? 60 : 0) : jitter(w, i));
    const d = degradationOf(recorded(climbing), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.ok(d.last_p95_ms < d.bar_ms, JSON.stringify(d));
    assert.match(d.reasons.join('; '), /the tail rose steadily over the run/);
    // The same climb while the rest of the machine wanted more CPU: it may be the machine's.
    const busier = degradationOf(recorded(climbing), SECONDS, THRESHOLDS, true, rising(0.2, OTHERS_RISE + 0.1));
    assert.equal(busier.judgement, 'inconclusive', JSON.stringify(busier));
    assert.match(busier.reasons.join('; '), /the machine got busier/);
    // The same windows in no order in time: no trend, no failure.
    const shuffled = (w: number, i: number) => climbing((w * 11) % 24, i);
    assert.notEqual(degradationOf(recorded(shuffled), SECONDS, THRESHOLDS, true).judgement, 'fail');
  });

  it('fails a median rising steadily while the p95 stays (a client-bound tail shrinking as the server slows)', () => {
    // Every answer 1 ms slower each window; the slowest 10% held at 55 ms by the client's own waits throughout.
    const median = (w: number, i: number) => (i >= 36 ? 55 : 15 + w + (i % 5) / 5);
    const d = degradationOf(recorded(median), SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.equal(d.p50?.verdict, 'slower');
    assert.match(d.reasons.join('; '), /the median rose steadily over the run/);
    const shuffled = (w: number, i: number) => median((w * 11) % 24, i);
    assert.notEqual(degradationOf(recorded(shuffled), SECONDS, THRESHOLDS, true).judgement, 'fail');
  });

  it('fails when the last third is starved of answers after a first third that was judged', () => {
    const recorder = recorded((w, i) => (w >= 16 && i >= 2 ? null : jitter(w, i)));
    const d = degradationOf(recorder, SECONDS, THRESHOLDS, true);
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.match(d.reasons[0]!, /the last third was starved of answers: 16 answered in it against 320/);
  });

  it('does not blame the server when other processes wanted more CPU in the last third (a neighbour came)', () => {
    const slower = recorded((w, i) => jitter(w, i) * (w >= 16 ? 1.5 : 1));
    const d = degradationOf(slower, SECONDS, THRESHOLDS, true, rising(0.1, 1.5 * OTHERS_RISE));
    assert.equal(d.judgement, 'inconclusive');
    assert.match(d.reasons.join('; '), /the machine got busier/);
    assert.equal(degradationOf(slower, SECONDS, THRESHOLDS, true, rising(0.1, 0)).judgement, 'fail');
  });

  it('blames the server when the neighbour that came took no CPU from the run (its threads waited no longer)', () => {
    // The case CI met: json-snapshot-store 2x slower by its own doing, a neighbour wanting a quarter core more.
    const slower = recorded((w, i) => jitter(w, i) * (w >= 16 ? 2 : 1));
    const d = degradationOf(slower, SECONDS, THRESHOLDS, true, took(0.1, 1.5 * OTHERS_RISE, NO_STRETCH - 0.05));
    assert.equal(d.judgement, 'fail', JSON.stringify(d));
    assert.match(d.reasons.join('; '), /the machine got busier: .* but it stretched .* it found idle cores/);
    // A smaller slowdown it may still explain: sharing caches, memory and SMT cores shows in no wait.
    const bit = recorded((w, i) => 10 * jitter(w, i) * (w >= 16 ? 1.45 : 1));
    const shared = degradationOf(bit, SECONDS, THRESHOLDS, true, took(0.1, 1.5 * OTHERS_RISE, NO_STRETCH - 0.05));
    assert.equal(shared.judgement, 'inconclusive', JSON.stringify(shared));
    assert.match(shared.reasons.join('; '), /shares caches and memory with the run/);
    // The same run in an open model: a neighbour that took nothing explains nothing there either.
    assert.equal(degradationOf(slower, SECONDS, THRESHOLDS, false, took(0.1, 1.5 * OTHERS_RISE, 1)).judgement, 'fail');
  });

  it('weighs what the neighbour took against the slowdown: with fixed users latency grows as the stretch does', () => {
    const slower = recorded((w, i) => jitter(w, i) * (w >= 16 ? 2 : 1));
    // Stretched 1.2x: explains up to 1.2 x STRETCH_MARGIN (1.8x), not the 2x seen.
    const little = degradationOf(slower, SECONDS, THRESHOLDS, true, took(0.1, 1.5 * OTHERS_RISE, 1.2));
    assert.equal(little.judgement, 'fail', JSON.stringify(little));
    assert.match(little.reasons.join('; '), /explains a slowdown up to ×1\.8 .*, not the ×2 seen/);
    // Stretched 1.43x: 2x is within what it explains (2.15x).
    const much = degradationOf(
      slower,
      SECONDS,
      THRESHOLDS,
      true,
      took(0.1, 1.5 * OTHERS_RISE, 2 / STRETCH_MARGIN + 0.1),
    );
    assert.equal(much.judgement, 'inconclusive', JSON.stringify(much));
    assert.match(much.reasons.join('; '), /the machine got busier: .* and it stretched/);
    // An open model's queue can grow far more than the stretch: the little stretch leaves it inconclusive.
    const open = degradationOf(slower, SECONDS, THRESHOLDS, false, took(0.1, 1.5 * OTHERS_RISE, 1.2));
    assert.equal(open.judgement, 'inconclusive', JSON.stringify(open));
  });

  it('passes nothing that a neighbour leaving could hide: the first third slowed by it, the last not', () => {
    // CI: a degrading server passed, a neighbour of 3.6 cores gone by the last third (stretch x2.4 then x1.5).
    const left = { others: series(3.6, -2.6), stretch: series(2.4, -0.9) };
    const slower = recorded((w, i) => jitter(w, i) * (w >= 16 ? 1.3 : 1));
    assert.equal(degradationOf(slower, SECONDS, THRESHOLDS, true).judgement, 'pass', 'alone, within 1.4x');
    const d = degradationOf(slower, SECONDS, THRESHOLDS, true, left);
    assert.equal(d.judgement, 'inconclusive', JSON.stringify(d));
    assert.match(d.reasons.join('; '), /the machine got quieter: .* could be a slowdown of ×2\.08/);
    // An honest server with the same neighbour leaving answers faster in the last third: it passes.
    const faster = recorded((w, i) => jitter(w, i) * (w >= 16 ? 0.65 : 1));
    assert.equal(degradationOf(faster, SECONDS, THRESHOLDS, true, left).judgement, 'pass');
  });

  it('blames the server when a neighbour there all along wanted as much in both thirds', () => {
    // A busy loop wants one core all the time: it uses more and waits less when the run leaves it room.
    const slower = recorded((w, i) => jitter(w, i) * (w >= 16 ? 1.5 : 1));
    assert.equal(degradationOf(slower, SECONDS, THRESHOLDS, true, rising(1, 0.5 * OTHERS_RISE)).judgement, 'fail');
  });
});
