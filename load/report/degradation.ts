// LOAD-06, no degradation: the last third of the run against the first third, on windows of the run (250 ms
// for runs up to 12 s; merged two, three... at a time when a window has too few answers). For each window its
// p95 (and its throughput); then the medians of the windows of each third, so a minority of slow windows (a
// busy machine's hiccup) moves nothing: a slowdown must hold over most of the last third. The noise floor is
// measured in the same run, on the first third's window p95s taken in order: the spread of the steps from one
// window to the next (stepNoise), which a steady drift (a server slowing down from the start) does not inflate.
//
// Latency, with bar = max(factor × first, first + 3 × noise) + slack: above the bar, fail; between factor ×
// first + slack and the bar, inconclusive (a slowdown by `factor` would hide in this run's noise); below, pass.
// Judged on the window p95s and, the same way, on the window p50s: a server that slows every request moves
// its median as much, with less noise (the p95 of a busy machine is mostly its hiccups). A failure needs
// both to have moved by the factor, one of them past its bar; one alone past its bar, the other within the
// factor, is inconclusive (a busy machine's hiccups lift a short run's p95 alone), unless it is a tail far
// beyond the noise or a rise ordered in time (tailBeyondNoise, risingSteadily).
// Latency decides, in both load models: fixed users (closed model) wait longer on a slower server too.
// Throughput is shown beside it (with its bar, min(first / factor, first - 3 × noise), when it fell below)
// but never fails the requirement on its own: on a shared machine the CPU a server gets moves its throughput
// more than anything it does. Too few windows with MIN_ANSWERS answers in a third: inconclusive.
// A busy or quieter machine (a neighbour that came or left) is weighed in neighbour.ts.
import { mergeBuckets, type Recorder } from '../measure/recorder.ts';
import type { LoadThresholds } from '../settings.ts';
import { noContention, type ContentionSeries } from '../measure/contention-sampler.ts';
import { neighbourLeft, neighbourOf, type ThirdsFigure } from './neighbour.ts';

export const MIN_WINDOWS_PER_THIRD = 4;
export const MIN_ANSWERS = 20;
const NOISE_WIDTHS = 3;
/** A tail this far beyond the first third (and TAIL_NOISE_WIDTHS noises) is no hiccup, whatever the p50 did. */
const TAIL_FACTOR = 5;
const TAIL_NOISE_WIDTHS = 10;
/** A rise of the window p95s this ordered in time (Kendall's tau, in standard deviations) is a trend. */
const TREND_Z = 4;
/** The last third starved of answers: fewer than this share of the first third's. */
const STARVED_SHARE = 0.25;
/** ... after a first third with at least this many answers. */
const STARVED_MIN_FIRST = 2 * MIN_ANSWERS;

export interface Degradation {
  window_ms: number;
  /** Complete windows of the run, and how many per third had enough answers to count. */
  windows: number;
  counted: { first: number; last: number };
  first_p95_ms: number;
  last_p95_ms: number;
  ratio: number;
  noise_ms: number;
  bar_ms: number;
  /** Windows of the last third above the bar. */
  slow_windows: number;
  /**
   * The same judgement on the window medians (p50): a server that slows every request moves them alike,
   * with less noise.
   */
  p50?: LatencyJudgement;
  /** Throughput below this (req/s) in the last third is a failure (steady loads only). */
  rps_bar: number | null;
  first_rps: number;
  last_rps: number;
  /** Cores other processes wanted (median of the windows of each third); null where /proc is unreadable. */
  others_cores: ThirdsFigure;
  /** How much contention stretched the run's own CPU work (1: not at all), median of each third's windows. */
  stretch: ThirdsFigure;
  /** last_rps / first_rps; null when the load was not steady (an open model's rate, k6 arrival rates). */
  rps_ratio: number | null;
  judgement: 'pass' | 'fail' | 'inconclusive';
  reasons: string[];
  /** Failed because the last third got (almost) no answers: no client's wait explains that. */
  starved_third?: boolean;
  /** The open model's offered rate was not achieved: judged on throughput, not latency (overload.ts). */
  overloaded?: boolean;
}

interface Window {
  p50: number;
  p95: number;
  rps: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The noise of a series in order, from its steps: a steady trend moves every step alike and adds nothing.
 * 1.2533 × the mean absolute deviation of the steps from their median (the standard deviation, were they
 * normal), over √2 (a step holds the noise of two windows).
 */
function stepNoise(values: number[]): number {
  const steps = values.slice(1).map((v, i) => v - values[i]!);
  if (steps.length < 2) return 0;
  const m = median(steps);
  return (1.2533 * steps.reduce((sum, s) => sum + Math.abs(s - m), 0)) / steps.length / Math.SQRT2;
}

function windowsOf(recorder: Pick<Recorder, 'windows' | 'windowMs'>, durationSeconds: number, merge: number) {
  const length = recorder.windowMs * merge;
  const complete = Math.floor((durationSeconds * 1000) / length);
  return Array.from({ length: complete }, (_, w): Window | null => {
    const { requests, histogram } = mergeBuckets(recorder.windows.slice(w * merge, (w + 1) * merge));
    const [answered, p95] = [histogram.totalCount, histogram.getValueAtPercentile(95) / 1000];
    const p50 = histogram.getValueAtPercentile(50) / 1000;
    histogram.destroy();
    return answered < MIN_ANSWERS ? null : { p50, p95, rps: requests / (length / 1000) };
  });
}

/**
 * The shortest merge of windows that gives each third MIN_WINDOWS_PER_THIRD windows with MIN_ANSWERS answers,
 * from the answers of each window alone (else the longest merge tried), and how many such windows each third
 * then has. On counts only, so that a running load can ask it too (load/node/minimums-watch.ts): a run
 * extended until this holds is judged on the same windows.
 */
export function countedThirds(answers: readonly number[], windowMs: number, durationSeconds: number) {
  let best = { merge: 1, first: 0, last: 0 };
  const base = Math.floor((durationSeconds * 1000) / windowMs);
  for (let merge = 1; base / merge >= 3 * MIN_WINDOWS_PER_THIRD; merge += 1) {
    const complete = Math.floor(base / merge);
    const counted = Array.from({ length: complete }, (_, w) => {
      let sum = 0;
      for (let i = w * merge; i < (w + 1) * merge; i += 1) sum += answers[i] ?? 0;
      return sum >= MIN_ANSWERS;
    });
    const third = Math.floor(complete / 3);
    const count = (part: boolean[]) => part.filter(Boolean).length;
    best = { merge, first: count(counted.slice(0, third)), last: count(counted.slice(complete - third)) };
    if (best.first >= MIN_WINDOWS_PER_THIRD && best.last >= MIN_WINDOWS_PER_THIRD) break;
  }
  return best;
}

/** The thirds on the shortest windows that give each third enough windows with enough answers. */
function thirdsOf(recorder: Pick<Recorder, 'windows' | 'windowMs'>, durationSeconds: number) {
  const none = { merge: 1, all: [] as (Window | null)[], first: [] as Window[], last: [] as Window[] };
  if ((durationSeconds * 1000) / recorder.windowMs < 3 * MIN_WINDOWS_PER_THIRD) return none;
  const answers = recorder.windows.map((w) => w.histogram.totalCount);
  const { merge } = countedThirds(answers, recorder.windowMs, durationSeconds);
  const all = windowsOf(recorder, durationSeconds, merge);
  const third = Math.floor(all.length / 3);
  const first = all.slice(0, third).filter((w): w is Window => w !== null);
  const last = all.slice(all.length - third).filter((w): w is Window => w !== null);
  return { merge, all, first, last };
}

export function degradationOf(
  recorder: Pick<Recorder, 'windows' | 'windowMs'>,
  durationSeconds: number,
  thresholds: Pick<LoadThresholds, 'degradationFactor' | 'degradationSlackMs'>,
  steady: boolean,
  contention: ContentionSeries = noContention(),
): Degradation {
  const { merge, all, first, last } = thirdsOf(recorder, durationSeconds);
  const others_cores = thirdsMedians(contention.others, merge, all.length);
  const stretch = thirdsMedians(contention.stretch, merge, all.length);
  const factor = thresholds.degradationFactor;
  const slack = thresholds.degradationSlackMs;
  const windowMs = recorder.windowMs * merge;
  const counted = { first: first.length, last: last.length };
  const base = { window_ms: windowMs, windows: all.length, counted, others_cores, stretch };
  const answers = answersPerThird(recorder, durationSeconds);
  if (last.length < MIN_WINDOWS_PER_THIRD && starved(answers)) {
    const reasons = [
      `the last third was starved of answers: ${answers.last} answered in it against ${answers.first} in the ` +
        `first third (under ${STARVED_SHARE * 100}%), ${last.length} of its windows with ${MIN_ANSWERS}+ answers`,
    ];
    return { ...base, ...figures(first, last, NaN, NaN, steady), judgement: 'fail', reasons, starved_third: true };
  }
  if (first.length < MIN_WINDOWS_PER_THIRD || last.length < MIN_WINDOWS_PER_THIRD) {
    const need = `${MIN_WINDOWS_PER_THIRD} windows with ${MIN_ANSWERS}+ answers in each third`;
    const had = `${first.length} in the first third, ${last.length} in the last, of ${all.length} of ${windowMs} ms`;
    const reasons = [`needs ${need}; had ${had}`];
    return { ...base, ...figures(first, last, NaN, NaN, steady), judgement: 'inconclusive', reasons };
  }
  const p95 = judgeLatency(
    first.map((w) => w.p95),
    last.map((w) => w.p95),
    factor,
    slack,
  );
  const p50 = judgeLatency(
    first.map((w) => w.p50),
    last.map((w) => w.p50),
    factor,
    slack,
  );
  const rpsFirst = median(first.map((w) => w.rps));
  const rpsBar = Math.min(rpsFirst / factor, rpsFirst - NOISE_WIDTHS * stepNoise(first.map((w) => w.rps)));
  const result = { ...base, ...figures(first, last, p95.bar_ms, rpsBar, steady), p50 };
  const slower = [p95, p50]
    .map((j, i) =>
      j.verdict === 'slower' ? `latency: the last third's median window ${i ? 'p50' : 'p95'} is above its bar` : '',
    )
    .filter(Boolean);
  // The least of the moved percentiles' rises: a neighbour must explain each of them.
  const rises = [p95, p50].filter((j) => j.verdict !== 'ok').map(riseOf);
  const neighbour = neighbourOf(result, rises.length ? Math.min(...rises) : 1, steady);
  const busier = neighbour?.explains ? neighbour.reason : null;
  const notNeighbour = neighbour && !neighbour.explains ? [neighbour.reason] : [];
  if (slower.length && busier) return { ...result, judgement: 'inconclusive', reasons: [...slower, busier] };
  const tail = p95.verdict === 'slower' ? tailBeyondNoise(p95, p50) : null;
  if (tail) return { ...result, judgement: 'fail', reasons: [...slower, tail, ...notNeighbour] };
  // A machine getting busier climbs in time too: a steady rise within the noise is then not the server's.
  const trend = risingSteadily({ p95, p50 }, all);
  if (trend && busier) return { ...result, judgement: 'inconclusive', reasons: [trend, busier] };
  if (trend) return { ...result, judgement: 'fail', reasons: [...slower, trend, ...notNeighbour] };
  const still = [p95, p50].findIndex((j) => j.verdict === 'ok');
  if (slower.length && still >= 0) {
    const [moved, stayed] = still ? ['p95', 'p50'] : ['p50', 'p95'];
    const alone =
      `only the ${moved} rose past its bar; the ${stayed} stayed within ${factor}×: a busy machine's hiccups ` +
      `or a few slow requests, not a server slowing down (run longer, or on a quieter machine)`;
    return { ...result, judgement: 'inconclusive', reasons: [...slower, alone] };
  }
  if (slower.length) return { ...result, judgement: 'fail', reasons: [...slower, ...notNeighbour] };
  if (p95.verdict === 'hidden' || p50.verdict === 'hidden') {
    const why = `the last third's latency looks ${factor}× worse, within this run's noise (bar above)`;
    return { ...result, judgement: 'inconclusive', reasons: [why] };
  }
  const quieter = neighbourLeft(result, Math.max(riseOf(p95), riseOf(p50)), factor);
  if (quieter) return { ...result, judgement: 'inconclusive', reasons: [quieter] };
  return { ...result, judgement: 'pass', reasons: [] };
}

/** Answers (latencies recorded) in the first and the last third of the run's complete windows. */
function answersPerThird(recorder: Pick<Recorder, 'windows' | 'windowMs'>, durationSeconds: number) {
  const answers = recorder.windows.map((w) => w.histogram.totalCount);
  return answersInThirds(answers, recorder.windowMs, durationSeconds);
}

/** The same from the answers of each window alone (a running load asks it too: minimums.ts). */
function answersInThirds(answers: readonly number[], windowMs: number, durationSeconds: number) {
  const complete = Math.floor((durationSeconds * 1000) / windowMs);
  const third = Math.floor(complete / 3);
  const count = (from: number, to: number) => answers.slice(from, to).reduce((sum, n) => sum + n, 0);
  return { first: count(0, third), last: count(complete - third, complete) };
}

/** The first third answered (two windows' worth, STARVED_MIN_FIRST), the last not a quarter as much. */
const starved = (answers: { first: number; last: number }) =>
  answers.first >= STARVED_MIN_FIRST && answers.last < STARVED_SHARE * answers.first;

/**
 * LOAD-06 fails on a starved last third (too few windows in it, and under a quarter of the first third's
 * answers): no more evidence is needed, and going on would not change it.
 */
export function starvedThirds(answers: readonly number[], windowMs: number, durationSeconds: number): boolean {
  const { last } = countedThirds(answers, windowMs, durationSeconds);
  return last < MIN_WINDOWS_PER_THIRD && starved(answersInThirds(answers, windowMs, durationSeconds));
}

/**
 * With the p95 past its bar: a tail that slowed far beyond the first third (TAIL_FACTOR × it, and
 * TAIL_NOISE_WIDTHS noise widths) is the server's, even with the p50 flat. The first third is taken at the
 * last third's load: less what its p50 lost. With fixed users (the closed model) answers that got slower send
 * fewer requests, and the time every answer spent waiting in a loaded client or machine (k6's VUs saturate
 * two cores while the server is fast) goes away with the load: the p50 shows it, and the first third's p95
 * held it too (k6 against a server with a late slow tail: p50 11.8 ms in the first third, 0.4 in the last).
 * The reason, else null.
 */
function tailBeyondNoise(p95: LatencyJudgement, p50: LatencyJudgement): string | null {
  const unloaded = Math.max(0, p50.first_ms - p50.last_ms);
  const first = Math.max(0, p95.first_ms - unloaded);
  const far = Math.max(TAIL_FACTOR * first, first + TAIL_NOISE_WIDTHS * p95.noise_ms);
  if (p95.last_ms <= far) return null;
  const at =
    unloaded > 0 ? ` (${round(first)} ms: its ${p95.first_ms} ms less the ${round(unloaded)} ms its p50 lost)` : '';
  return (
    `the tail slowed far beyond the run's noise: the last third's median window p95 ${p95.last_ms} ms is over ` +
    `${round(far)} ms (${TAIL_FACTOR}× the first third's${at}, and ${TAIL_NOISE_WIDTHS} noise widths), ` +
    'even if the p50 stayed'
  );
}

/**
 * A percentile that moved by the factor (past its bar, or within the noise) and whose window values rose
 * steadily over the whole run (Kendall's tau TREND_Z standard deviations above 0): the server's, whatever the
 * other percentile did. The noise bar keeps random variation from passing for a slowdown; a rise ordered in
 * time is not random (a busy machine's hiccups come at random times; a neighbour that arrived is told apart
 * above). With fixed users a client-bound run hides part of a slowdown (the client's own wait shrinks as the
 * server slows), so the rise may stay within the noise while its order in time does not. The reason, else null.
 */
function risingSteadily(judged: Record<'p95' | 'p50', LatencyJudgement>, all: (Window | null)[]): string | null {
  const windows = all.filter((w): w is Window => w !== null);
  for (const name of ['p95', 'p50'] as const) {
    if (judged[name].verdict === 'ok') continue;
    const z = kendallZ(windows.map((w) => w[name]));
    if (z < TREND_Z) continue;
    return (
      `the ${name === 'p95' ? 'tail' : 'median'} rose steadily over the run: the window ${name}s in time order ` +
      `trend upward (Kendall's tau ${round(z)} standard deviations above none, ${TREND_Z} needed), not at ` +
      "random as a busy machine's hiccups"
    );
  }
  return null;
}

/** Kendall's tau of a series against its order, in standard deviations of tau under no trend (0 below 8 values). */
function kendallZ(values: number[]): number {
  const n = values.length;
  if (n < 8) return 0;
  let score = 0;
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) score += Math.sign(values[j]! - values[i]!);
  const tau = score / ((n * (n - 1)) / 2);
  return tau / Math.sqrt((2 * (2 * n + 5)) / (9 * n * (n - 1)));
}

export interface LatencyJudgement {
  first_ms: number;
  last_ms: number;
  noise_ms: number;
  bar_ms: number;
  /** slower: above the bar; hidden: above factor × first (+ slack) but within the noise; ok: neither. */
  verdict: 'slower' | 'hidden' | 'ok';
}

/** How much a percentile rose, last third over first. */
const riseOf = (j: LatencyJudgement) => (j.first_ms > 0 ? j.last_ms / j.first_ms : 1);

/** One percentile's windows, first third against last: bar = max(factor × first, first + 3 noises) + slack. */
function judgeLatency(first: number[], last: number[], factor: number, slack: number): LatencyJudgement {
  const [m1, m3, noise] = [median(first), median(last), stepNoise(first)];
  const bar = Math.max(factor * m1, m1 + NOISE_WIDTHS * noise) + slack;
  const verdict = m3 > bar ? 'slower' : m3 > factor * m1 + slack ? 'hidden' : 'ok';
  return { first_ms: round(m1), last_ms: round(m3), noise_ms: round(noise), bar_ms: round(bar), verdict };
}

/** Median of a per-window series in the first and the last third, on the same (merged) windows. */
function thirdsMedians(contention: readonly (number | null)[], merge: number, windows: number): ThirdsFigure {
  const merged = Array.from({ length: windows }, (_, w) => {
    const values = contention.slice(w * merge, (w + 1) * merge).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  });
  const third = Math.floor(windows / 3);
  const of = (part: (number | null)[]) => {
    const values = part.filter((v): v is number => v !== null);
    return values.length ? round(median(values)) : null;
  };
  return { first: of(merged.slice(0, third)), last: of(merged.slice(windows - third)) };
}

function figures(first: Window[], last: Window[], bar: number, rpsBar: number, steady: boolean) {
  const has = first.length > 0 && last.length > 0;
  const [p95First, p95Last] = has ? [median(first.map((w) => w.p95)), median(last.map((w) => w.p95))] : [0, 0];
  const [rpsFirst, rpsLast] = has ? [median(first.map((w) => w.rps)), median(last.map((w) => w.rps))] : [0, 0];
  return {
    first_p95_ms: round(p95First),
    last_p95_ms: round(p95Last),
    ratio: round(p95First > 0 ? p95Last / p95First : 1),
    noise_ms: has ? round(stepNoise(first.map((w) => w.p95))) : 0,
    bar_ms: Number.isFinite(bar) ? round(bar) : 0,
    slow_windows: Number.isFinite(bar) ? last.filter((w) => w.p95 > bar).length : 0,
    first_rps: round(rpsFirst),
    last_rps: round(rpsLast),
    rps_ratio: steady && has ? round(rpsFirst > 0 ? rpsLast / rpsFirst : 1) : null,
    rps_bar: steady && Number.isFinite(rpsBar) ? round(rpsBar) : null,
  };
}
