// The least evidence each load requirement needs before it can pass (the `minimum` of LOAD-01..07), as plain
// counts: a running load asks which minimums are still short (the Node engine extends its run until none is,
// load/node/minimums-watch.ts), and a finished one how long a run at the rates it measured would need. A
// slow server meets a minimum by chance in a short run, so without this its verdict flips between pass and
// inconclusive from one run to the next.
import { RACE_VIOLATIONS, type RotationCounters, type Violation } from '../flows/rotation.ts';
import { countedThirds, MIN_ANSWERS, MIN_WINDOWS_PER_THIRD, starvedThirds } from './degradation.ts';

/** LOAD-01 passes on no fewer answered requests (not throttled) ... */
export const MIN_ANSWERS_LOAD_01 = 100;
/** ... and checks of their answers (a k6 summary without its checks must not read as 0 failed of 0). */
export const MIN_CHECKS_LOAD_01 = 50;
/** LOAD-02: answers per endpoint (on fewer, a p95 is one of the slowest few). */
export const MIN_ANSWERS_PER_ENDPOINT = 50;
/** LOAD-05 passes on no fewer issued tokens compared. */
export const MIN_TOKENS_LOAD_05 = 100;
/** Answered replays (outside the grace window), families or races that LOAD-03, LOAD-07 and LOAD-04 need. */
export const MIN_ROTATION_EVIDENCE = 10;

/** Raced tokens to replay outside the grace window: one per race won several times inside it, up to MIN. */
export function racedReplaysNeeded(r: Pick<RotationCounters, 'double_wins_in_grace'>): number {
  return Math.min(MIN_ROTATION_EVIDENCE, r.double_wins_in_grace);
}
/**
 * LOAD-06's estimate plans windows for this share of the measured answer rate: a window expecting exactly
 * MIN_ANSWERS falls short about one time in two.
 */
const WINDOW_RATE_MARGIN = 0.75;

/** What a run has gathered so far (or in all), in the terms of the requirements' minimums. */
export interface Evidence {
  /** Seconds of load the counts cover. */
  seconds: number;
  /** LOAD-01: answered requests (not throttled), and checks run on them. */
  answers: number;
  checks: number;
  /** LOAD-01 already has unexpected answers or failed checks: it is judged on them, whatever the count. */
  erred: boolean;
  /** LOAD-02: requests per endpoint that were not throttled. */
  endpoints: Record<'token' | 'refresh', number>;
  /** LOAD-05: issued tokens compared; null when counted elsewhere (k6's collector: load/k6/outcome.ts). */
  tokens: number | null;
  rotation: RotationEvidence;
  /** LOAD-06: the answers (latency recorded) of each window of `windowMs`, from the start of the load. */
  windows: { windowMs: number; answers: readonly number[] };
}

export type RotationEvidence = Pick<
  RotationCounters,
  'replays_outside_grace' | 'family_probes_outside_grace' | 'races' | 'double_wins_in_grace'
> & { raced_replays_outside_grace: number; violations: Partial<Record<Violation, number>> };

/** One minimum not met: what, how much of it came and at what rate, and how long a run at that rate needs. */
export interface Shortfall {
  requirement: string;
  /** What is counted, in the plural ("answered replays outside the grace window"). */
  what: string;
  have: number;
  need: number;
  /** Per second over the load so far; 0: none came. */
  per_second: number;
  /** Seconds of load that give `need` at that rate; null: nothing came, so no rate to tell. */
  needed_s: number | null;
  /** "LOAD-03: 7 of 10 answered replays; at 0.7/s, 10 need ~15 s". */
  sentence: string;
}

/** Every minimum not met yet; empty when each load requirement has the evidence to be judged. */
export function shortfallsOf(e: Evidence): Shortfall[] {
  const v = (name: Violation) => e.rotation.violations[name] ?? 0;
  const raceViolations = RACE_VIOLATIONS.reduce((sum, name) => sum + v(name), 0);
  const count = (requirement: string, unit: Unit, have: number, need: number) =>
    have >= need ? [] : [countShortfall(e.seconds, requirement, unit, have, need)];
  const r = e.rotation;
  const outside = ' outside the grace window';
  // A requirement already failing (or warning) on a violation is judged on it: more evidence changes nothing.
  return [
    ...(e.erred ? [] : count('LOAD-01', ['answered requests', ''], e.answers, MIN_ANSWERS_LOAD_01)),
    ...(e.erred ? [] : count('LOAD-01', ['checks', ' of the answers'], e.checks, MIN_CHECKS_LOAD_01)),
    ...count('LOAD-02', ['answers', ' on POST /v1/token'], e.endpoints.token, MIN_ANSWERS_PER_ENDPOINT),
    ...count('LOAD-02', ['answers', ' on POST /v1/refresh/token'], e.endpoints.refresh, MIN_ANSWERS_PER_ENDPOINT),
    ...(v('replay_accepted') > 0
      ? []
      : count('LOAD-03', ['answered replays', outside], r.replays_outside_grace, MIN_ROTATION_EVIDENCE)),
    ...(v('family_survived_replay') > 0
      ? []
      : count(
          'LOAD-07',
          ['families probed', ` after a replay${outside}`],
          r.family_probes_outside_grace,
          MIN_ROTATION_EVIDENCE,
        )),
    ...(raceViolations > 0 ? [] : raceShortfalls(e)),
    ...(e.tokens === null || v('token_collision') > 0
      ? []
      : count('LOAD-05', ['issued tokens compared', ''], e.tokens, MIN_TOKENS_LOAD_05)),
    ...windowShortfall(e),
  ];
}

/** What is counted, in the plural, and what qualifies it: ['races', ' with every racer answered']. */
type Unit = [string, string];

function raceShortfalls(e: Evidence): Shortfall[] {
  const r = e.rotation;
  if (r.races < MIN_ROTATION_EVIDENCE)
    return [
      countShortfall(e.seconds, 'LOAD-04', ['races', ' with every racer answered'], r.races, MIN_ROTATION_EVIDENCE),
    ];
  const needed = racedReplaysNeeded(r);
  if (r.raced_replays_outside_grace >= needed) return [];
  const unit: Unit = ['replays of raced tokens', ' outside the grace window'];
  return [countShortfall(e.seconds, 'LOAD-04', unit, r.raced_replays_outside_grace, needed)];
}

const figure = (n: number) => (n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));

/** "LOAD-02: 33 of 50 answers on POST /v1/token; at 3.3 answers/s on POST /v1/token, 50 need ~16 s". */
function countShortfall(seconds: number, requirement: string, unit: Unit, have: number, need: number): Shortfall {
  const [what, qualifier] = unit;
  const perSecond = seconds > 0 ? have / seconds : 0;
  const needed = perSecond > 0 ? need / perSecond : null;
  const rate =
    needed === null
      ? `none in ${figure(seconds)} s: no rate to tell how long a run needs`
      : `at ${figure(perSecond)} ${what}/s${qualifier}, ${need} need ~${Math.ceil(needed)} s`;
  return {
    requirement,
    what: what + qualifier,
    have,
    need,
    per_second: Math.round(perSecond * 100) / 100,
    needed_s: needed === null ? null : Math.round(needed * 10) / 10,
    sentence: `${requirement}: ${have} of ${need} ${what}${qualifier}; ${rate}`,
  };
}

/**
 * LOAD-06: each third of the run needs MIN_WINDOWS_PER_THIRD windows with MIN_ANSWERS answers (windows merged
 * as degradation.ts does). At a steady rate R a window of L s holds R × L answers, so a third needs about
 * 4 such windows and the run 12: planned at WINDOW_RATE_MARGIN × R, as windows vary.
 */
function windowShortfall(e: Evidence): Shortfall[] {
  const { windowMs, answers } = e.windows;
  const thirds = countedThirds(answers, windowMs, e.seconds);
  const have = Math.min(thirds.first, thirds.last);
  if (have >= MIN_WINDOWS_PER_THIRD || starvedThirds(answers, windowMs, e.seconds)) return [];
  const total = answers.slice(0, Math.floor((e.seconds * 1000) / windowMs)).reduce((a, b) => a + b, 0);
  const perSecond = e.seconds > 0 ? total / e.seconds : 0;
  const what = `windows with ${MIN_ANSWERS}+ answers in each third`;
  const base = {
    requirement: 'LOAD-06',
    what,
    have,
    need: MIN_WINDOWS_PER_THIRD,
    per_second: Math.round(perSecond * 100) / 100,
  };
  const head =
    `LOAD-06: ${thirds.first} in the first third and ${thirds.last} in the last ` +
    `of ${MIN_WINDOWS_PER_THIRD} ${what}`;
  if (perSecond === 0)
    return [{ ...base, needed_s: null, sentence: `${head}; no answers in ${figure(e.seconds)} s: no rate to tell` }];
  const perWindow = (WINDOW_RATE_MARGIN * perSecond * windowMs) / 1000;
  const windowS = (Math.ceil(MIN_ANSWERS / perWindow) * windowMs) / 1000;
  const needed = 3 * MIN_WINDOWS_PER_THIRD * windowS;
  const rate =
    `at ${figure(perSecond)} answers/s a window of ${figure(windowS)} s holds ${MIN_ANSWERS}+, ` +
    `and ${3 * MIN_WINDOWS_PER_THIRD} of them need ~${Math.ceil(needed)} s`;
  return [{ ...base, needed_s: Math.round(needed * 10) / 10, sentence: `${head}; ${rate}` }];
}

/** Seconds a run at the measured rates needs for every minimum; null when some rate is unknown (none came). */
export function neededSeconds(shortfalls: readonly Shortfall[]): number | null {
  if (shortfalls.some((s) => s.needed_s === null)) return null;
  return Math.max(0, ...shortfalls.map((s) => s.needed_s ?? 0));
}

/** A --duration to suggest: the seconds needed, rounded up to 5 s (a whole number for a short run). */
export function suggestedDuration(seconds: number): number {
  return seconds <= 5 ? Math.max(1, Math.ceil(seconds)) : 5 * Math.ceil(seconds / 5);
}
