// The evidence of a running load, shared between the workers and the main thread: each worker publishes its
// counts (the ones the requirements' minimums are made of, load/report/minimums.ts) and the answers of each
// of its windows into its own slots of one SharedArrayBuffer, every sweep (100 ms); the main thread sums
// them when it must decide whether the run has enough evidence to end (minimums-watch.ts).
import { RACE_VIOLATIONS, type RotationCounters, type Violation } from '../flows/rotation.ts';
import type { Evidence } from '../report/minimums.ts';

const COUNTS = [
  'answers',
  'checks',
  'erred',
  'token',
  'refresh',
  'tokens',
  'replays_outside_grace',
  'family_probes_outside_grace',
  'races',
  'double_wins_in_grace',
  'raced_replays_outside_grace',
  'replay_accepted',
  'family_survived_replay',
  'race_violations',
  'token_collision',
] as const;
type Count = (typeof COUNTS)[number];

/** A worker's figures as it publishes them: its counts, and the answers per window. */
export type PublishedCounts = Record<Count, number>;

export interface EvidenceBoardHandle {
  buffer: SharedArrayBuffer;
  workers: number;
  /** Window slots per worker: the windows of a run as long as its bound; later answers are not published. */
  windows: number;
  windowMs: number;
}

export function createEvidenceBoard(workers: number, boundSeconds: number, windowMs: number): EvidenceBoardHandle {
  const windows = Math.ceil((boundSeconds * 1000) / windowMs) + 1;
  const buffer = new SharedArrayBuffer(workers * (COUNTS.length + windows) * 4);
  return { buffer, workers, windows, windowMs };
}

const slotsPerWorker = (board: EvidenceBoardHandle) => COUNTS.length + board.windows;

/** The counts a worker publishes, from its books. */
export function countsOf(books: {
  answers: number;
  checks: number;
  erred: boolean;
  endpoints: Record<'token' | 'refresh', number>;
  tokens: number;
  rotation: RotationCounters;
}): PublishedCounts {
  const r = books.rotation;
  const v = (name: Violation) => r.violations[name] ?? 0;
  return {
    answers: books.answers,
    checks: books.checks,
    erred: books.erred ? 1 : 0,
    token: books.endpoints.token,
    refresh: books.endpoints.refresh,
    tokens: books.tokens,
    replays_outside_grace: r.replays_outside_grace,
    family_probes_outside_grace: r.family_probes_outside_grace,
    races: r.races,
    double_wins_in_grace: r.double_wins_in_grace,
    raced_replays_outside_grace: r.raced_replays_outside_grace,
    replay_accepted: v('replay_accepted'),
    family_survived_replay: v('family_survived_replay'),
    race_violations: RACE_VIOLATIONS.reduce((sum, name) => sum + v(name), 0),
    token_collision: v('token_collision'),
  };
}

/** A worker's publication: its counts, then the answers of each window (those past the bound are dropped). */
export function publishEvidence(
  board: EvidenceBoardHandle,
  worker: number,
  counts: PublishedCounts,
  windowAnswers: readonly number[],
): void {
  const slots = new Int32Array(board.buffer, worker * slotsPerWorker(board) * 4, slotsPerWorker(board));
  COUNTS.forEach((name, i) => Atomics.store(slots, i, counts[name]));
  const windows = Math.min(windowAnswers.length, board.windows);
  for (let w = 0; w < windows; w += 1) Atomics.store(slots, COUNTS.length + w, windowAnswers[w]!);
}

/** Every worker's publication summed, as the evidence of the load's first `seconds`. */
export function readEvidence(board: EvidenceBoardHandle, seconds: number): Evidence {
  const all = new Int32Array(board.buffer);
  const per = slotsPerWorker(board);
  const sum = (slot: number) => {
    let total = 0;
    for (let w = 0; w < board.workers; w += 1) total += Atomics.load(all, w * per + slot);
    return total;
  };
  const c = Object.fromEntries(COUNTS.map((name, i) => [name, sum(i)])) as PublishedCounts;
  return {
    seconds,
    answers: c.answers,
    checks: c.checks,
    erred: c.erred > 0,
    endpoints: { token: c.token, refresh: c.refresh },
    tokens: c.tokens,
    rotation: {
      replays_outside_grace: c.replays_outside_grace,
      family_probes_outside_grace: c.family_probes_outside_grace,
      races: c.races,
      double_wins_in_grace: c.double_wins_in_grace,
      raced_replays_outside_grace: c.raced_replays_outside_grace,
      // The race violations as one: any of them settles LOAD-04 (minimums.ts sums RACE_VIOLATIONS).
      violations: {
        replay_accepted: c.replay_accepted,
        family_survived_replay: c.family_survived_replay,
        race_double_win: c.race_violations,
        token_collision: c.token_collision,
      },
    },
    windows: {
      windowMs: board.windowMs,
      answers: Array.from({ length: board.windows }, (_, w) => sum(COUNTS.length + w)),
    },
  };
}
