// Rotation bookkeeping: the invariants of refresh-token rotation, counted. One ledger per k6 VU or per
// Node engine worker; a chain or race stays with one ledger, so its invariants are exact. Issued tokens
// go into a TokenSet: per VU in k6, one set shared by all worker threads in the Node engine.
//
// Only answered evidence counts: a replay, a family probe or a racer that got no HTTP answer (status 0: a
// timeout, a reset) is counted apart and judged on nothing.
//
// The grace window (a target that declares --rotation-grace S) is judged by time, on the client's clock
// (Date.now(): k6 and Node both have it). A replay's age is the time from the answer that rotated the
// token out to the replay's send: the least time that can have passed at the server between the two
// (the server rotated the token before it answered, and saw the replay after it was sent), so both
// round trips count in the server's favour. A replay is inside the window when its age < S s +
// GRACE_TOLERANCE_MS (a server clock of coarse granularity, a `<=` for a `<`); there an acceptance is
// allowed. Outside it, or without a grace, an acceptance is a violation. A race needs exactly one winner:
// no winner, or a racer answered with neither a valid pair nor a 4xx (a 5xx, a timeout, a broken pair),
// fails it. Extra winners are allowed only under a grace, and only when no token repeats across their
// pairs (one identical pair handed to several racers is one issuance, an idempotent retry) and the raced
// token is rejected once the window has passed: the ledger keeps such raced tokens and a later chain
// replays each outside the window (an acceptance is `raced_token_outlived_grace`). A chain's own replay
// comes right after its last rotation (inside), so with a grace the ledger keeps a few spent tokens
// (`remember`) and hands each back (`takeDue`) once it was rotated out S s + OUTSIDE_MARGIN_MS ago: the
// next chain replays it first.
import type { TokenPair } from './checks.ts';
import { DigestSet, type TokenSet } from './digest-set.ts';

export type Violation =
  | 'replay_accepted'
  | 'family_survived_replay'
  | 'race_double_win'
  | 'race_without_winner'
  | 'race_racer_failed'
  | 'raced_token_outlived_grace'
  | 'token_collision';

export const VIOLATIONS: readonly Violation[] = [
  'replay_accepted',
  'family_survived_replay',
  'race_double_win',
  'race_without_winner',
  'race_racer_failed',
  'raced_token_outlived_grace',
  'token_collision',
];

/**
 * The violations a MUST is judged on: all but a family that survived a replay (reuse detection, LOAD-07, a
 * SHOULD). The live progress line counts these, so a server without reuse detection is not shown as failing.
 */
export const MUST_VIOLATIONS: readonly Violation[] = VIOLATIONS.filter((v) => v !== 'family_survived_replay');

/** The violations LOAD-04 (exactly one winner per race) is judged on. */
export const RACE_VIOLATIONS: readonly Violation[] = [
  'race_double_win',
  'race_without_winner',
  'race_racer_failed',
  'raced_token_outlived_grace',
];

/** A replay accepted less than S s + this after the token's rotation counts as inside the grace window. */
export const GRACE_TOLERANCE_MS = 100;
/** A remembered spent token is replayed once rotated out S s + this ago (beyond the tolerance). */
export const OUTSIDE_MARGIN_MS = 250;
/** Spent tokens a ledger keeps for replays outside the window; the oldest are kept, newer ones not taken. */
export const SPENT_QUEUE = 32;

export interface RotationCounters {
  rotations: number;
  /** Replays of a spent refresh token that got an HTTP answer (inside and outside the grace window). */
  replays: number;
  /** Answered replays of a token rotated out less than S s + tolerance before: acceptance allowed. */
  replays_in_grace: number;
  /** Answered replays of a token rotated out at least S s + tolerance before (every replay without a grace). */
  replays_outside_grace: number;
  /** Replays that got no HTTP answer: no evidence either way. */
  replays_unanswered: number;
  /** Replays answered 429 (or 503 with Retry-After): the limiter's answer, no evidence either way. */
  replays_throttled: number;
  /** Answered probes of a family's newest token, after an answered replay. */
  family_probes: number;
  /** Of those, after a replay outside the grace window: the family must be revoked. */
  family_probes_outside_grace: number;
  /** Probes that got no HTTP answer. */
  family_probes_unanswered: number;
  /** Probes answered 429 (or 503 with Retry-After). */
  family_probes_throttled: number;
  /** Races in which every racer got an HTTP answer. */
  races: number;
  /** Races in which some racer got no answer: not in `races` (two winners among the answers still violate). */
  races_unanswered: number;
  /** Races in which some racer was answered 429 (or 503 with Retry-After): not in `races` either. */
  races_throttled: number;
  /** Replays inside the grace window that were accepted (allowed). */
  replays_accepted_in_grace: number;
  /** Families that survived a replay inside the grace window (allowed). */
  families_survived_in_grace: number;
  /** Races with more than one winner inside a grace window (allowed: see `raced`). */
  double_wins_in_grace: number;
  /** Answered replays, outside the grace window, of a token raced with several winners inside it. */
  raced_replays_outside_grace: number;
  violations: Record<Violation, number>;
}

export type Tally = Exclude<keyof RotationCounters, 'violations'>;

export function emptyCounters(): RotationCounters {
  return {
    rotations: 0,
    replays: 0,
    replays_in_grace: 0,
    replays_outside_grace: 0,
    replays_unanswered: 0,
    replays_throttled: 0,
    family_probes: 0,
    family_probes_outside_grace: 0,
    family_probes_unanswered: 0,
    family_probes_throttled: 0,
    races: 0,
    races_unanswered: 0,
    races_throttled: 0,
    replays_accepted_in_grace: 0,
    families_survived_in_grace: 0,
    double_wins_in_grace: 0,
    raced_replays_outside_grace: 0,
    violations: {
      replay_accepted: 0,
      family_survived_replay: 0,
      race_double_win: 0,
      race_without_winner: 0,
      race_racer_failed: 0,
      raced_token_outlived_grace: 0,
      token_collision: 0,
    },
  };
}

/** The counters other than violations, in report order (k6 has one Counter metric per tally). */
export const TALLIES = Object.keys(emptyCounters()).filter((key) => key !== 'violations') as Tally[];

/** A spent refresh token kept for a replay outside the grace window, with its family's newest token. */
export interface SpentToken {
  refreshToken: string;
  /** Date.now() of the answer that rotated it out. */
  rotatedAt: number;
  newest: string;
  /** A token raced with several winners inside the grace window: it must be rejected once the window passed. */
  raced?: boolean;
}

/** A race, as the flow saw it. */
export interface RaceOutcome {
  width: number;
  /** Racers that got an HTTP answer. */
  answered: number;
  /** Racers that got a valid pair. */
  winners: number;
  /** Racers answered with neither a valid pair nor a 4xx (a 5xx, a broken pair), or that timed out. */
  failed: number;
  /** A token appears in two different pairs of the winners (or as both tokens of one). */
  repeated: boolean;
  /** Racers answered 429 (or 503 with Retry-After): not in `answered`; the race counts as throttled. */
  throttled?: number;
}

export interface LedgerOptions {
  graceSeconds: number;
  /** Tokens compared exactly by digest (default: DigestSet's); ignored when `tokens` is given. */
  capacity?: number;
  /** Where issued tokens are remembered: the Node engine shares one set between its worker threads. */
  tokens?: TokenSet;
  /** The clock (default Date.now), in ms. */
  now?: () => number;
}

export class RotationLedger {
  readonly counters: RotationCounters = emptyCounters();
  /** The issued tokens, by digest: see TokenSet.figures() for how many were compared. */
  readonly tokens: TokenSet;
  private readonly graceMs: number;
  private readonly spent: SpentToken[] = [];
  private readonly racedSpent: SpentToken[] = [];

  constructor(
    private readonly options: LedgerOptions,
    private readonly onViolation: (v: Violation) => void = () => undefined,
  ) {
    this.tokens = options.tokens ?? new DigestSet(options.capacity);
    this.graceMs = options.graceSeconds * 1000;
  }

  now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** A freshly issued pair: both tokens must differ from each other and from every token seen before. */
  issued(pair: TokenPair): void {
    const collisions =
      (this.tokens.add(pair.token) ? 0 : 1) +
      (pair.token === pair.refreshToken ? 1 : this.tokens.add(pair.refreshToken) ? 0 : 1);
    for (let i = 0; i < collisions; i += 1) this.violate('token_collision');
  }

  /** True when the target declares a grace period. */
  get graceful(): boolean {
    return this.graceMs > 0;
  }

  /** Whether a token presented `ageMs` after the answer that rotated it out is inside the grace window. */
  insideGrace(ageMs: number): boolean {
    return this.graceMs > 0 && ageMs < this.graceMs + GRACE_TOLERANCE_MS;
  }

  rotated(): void {
    this.counters.rotations += 1;
  }

  /**
   * A spent refresh token was presented again, `ageMs` after the answer that rotated it out (measured at
   * the replay's send); `status` 0: no HTTP answer. Returns whether it was inside the grace window.
   */
  replayed(status: number, ageMs: number, raced = false): boolean {
    const inside = this.insideGrace(ageMs);
    if (status === 0) {
      this.counters.replays_unanswered += 1;
      return inside;
    }
    this.counters.replays += 1;
    this.counters[inside ? 'replays_in_grace' : 'replays_outside_grace'] += 1;
    if (raced && !inside) this.counters.raced_replays_outside_grace += 1;
    const violation = raced ? 'raced_token_outlived_grace' : 'replay_accepted';
    if (status === 200) this.accepted(inside, 'replays_accepted_in_grace', violation);
    return inside;
  }

  /** After an answered replay, the newest token of the family was tried; `status` 200: it still worked. */
  familyProbed(status: number, replayInside: boolean): void {
    if (status === 0) {
      this.counters.family_probes_unanswered += 1;
      return;
    }
    this.counters.family_probes += 1;
    if (!replayInside) this.counters.family_probes_outside_grace += 1;
    if (status === 200) this.accepted(replayInside, 'families_survived_in_grace', 'family_survived_replay');
  }

  /** A replay or a family probe was answered 429 (or 503 with Retry-After): judged on nothing. */
  throttledAnswer(tally: 'replays_throttled' | 'family_probes_throttled'): void {
    this.counters[tally] += 1;
  }

  /**
   * Counts a race and judges it: exactly one winner, every other racer rejected with a 4xx. A racer that
   * failed (5xx, timeout, broken pair) fails the race; with every racer answered, no winner fails it; extra
   * winners fail it but under a grace with no token repeated across their pairs. Returns whether the race
   * held (for its check), `allowedDoubleWin` when it held on several winners under the grace (the caller
   * keeps the raced token for a replay outside the window).
   */
  raced(race: RaceOutcome): { held: boolean; allowedDoubleWin: boolean } {
    const complete = race.answered === race.width;
    this.counters[race.throttled ? 'races_throttled' : complete ? 'races' : 'races_unanswered'] += 1;
    const before = this.raceViolations();
    if (race.failed > 0) this.violate('race_racer_failed');
    if (complete && race.winners === 0 && race.failed === 0) this.violate('race_without_winner');
    let allowedDoubleWin = false;
    if (race.winners > 1) {
      allowedDoubleWin = this.graceful && !race.repeated;
      if (allowedDoubleWin) this.counters.double_wins_in_grace += 1;
      else this.violate('race_double_win');
    }
    return { held: this.raceViolations() === before, allowedDoubleWin };
  }

  private raceViolations(): number {
    return RACE_VIOLATIONS.reduce((sum, v) => sum + this.counters.violations[v], 0);
  }

  /**
   * With a grace: keeps a spent token for a replay outside the window (up to SPENT_QUEUE, oldest kept);
   * raced tokens in a queue of their own, replayed first.
   */
  remember(token: SpentToken): void {
    const queue = token.raced ? this.racedSpent : this.spent;
    if (this.graceMs > 0 && queue.length < SPENT_QUEUE) queue.push(token);
  }

  /** The oldest kept token if it was rotated out at least S s + OUTSIDE_MARGIN_MS before `now`, else null. */
  takeDue(now: number): SpentToken | null {
    for (const queue of [this.racedSpent, this.spent]) {
      const oldest = queue[0];
      if (oldest && now - oldest.rotatedAt >= this.graceMs + OUTSIDE_MARGIN_MS) return queue.shift() as SpentToken;
    }
    return null;
  }

  private accepted(inside: boolean, allowed: Tally, violation: Violation): void {
    if (inside) this.counters[allowed] += 1;
    else this.violate(violation);
  }

  private violate(violation: Violation): void {
    this.counters.violations[violation] += 1;
    this.onViolation(violation);
  }
}
