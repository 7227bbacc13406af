// One run's evidence from many k6 runners, merged as it streams in: token digests compared across every
// runner (exactly, up to the digest set's capacity), the rotation ledgers' tallies and violations, the
// checks, every API request's timing (up to a stated number) and each runner's own counters. Memory is
// bounded: the digest set (16 bytes a slot, TOKEN_SUITE_LOAD_UNIQUE_CAPACITY), 32 bytes per recorded
// request up to maxAnswers, one entry per VU up to MAX_VUS, and per runner a few numbers.
import { DigestSet, type UniquenessFigures } from '../../flows/digest-set.ts';
import { emptyCounters, TALLIES, VIOLATIONS, type RotationCounters } from '../../flows/rotation.ts';
import type { Sample } from '../collector.ts';
import type { BatchMessage, DoneMessage } from './wire.ts';
import { parseBatch, parseDone } from './parse.ts';

/** VUs whose nonce is remembered to find two processes claiming one runner; past it they are not. */
export const MAX_VUS = 100_000;
const DEFAULT_MAX_ANSWERS = 4_000_000;
/** Requests timed before the collector started or after now by more than this are refused (clock skew). */
const CLOCK_SKEW_MS = 60_000;
const ENDPOINTS = ['token', 'refresh'] as const;

/** Why a message was refused: each is counted, and logged with the sender's address. */
export type Rejection =
  'malformed' | 'oversized' | 'another run' | 'unknown runner' | 'duplicate runner' | 'after its end' | 'not found';

export interface RunnerState {
  id: string;
  batches: number;
  /** Token digests taken from its batches. */
  tokens: number;
  /** Date.now() of the first and last message taken from it. */
  firstAt: number | null;
  lastAt: number | null;
  done: DoneMessage | null;
  /** Two processes claimed this runner (same segment): its evidence cannot be told apart. */
  duplicated: boolean;
  /** How the process that ran it ended (verify --runners only), e.g. "was ended by SIGKILL". */
  exit: string | null;
  /** What went wrong in it even though it ended (a script exception, k6 failing): its evidence is not whole. */
  fault: string | null;
}

export interface MergeOptions {
  runId: string;
  /** The runner ids (execution segments, reduced as k6 reports them). */
  runners: string[];
  uniqueCapacity: number;
  maxAnswers?: number;
}

export type Accepted = { ok: true } | { ok: false; rejection: Rejection; reason: string };

export class RunMerge {
  readonly runners = new Map<string, RunnerState>();
  readonly rotation: RotationCounters = emptyCounters();
  readonly checks: Record<string, { passes: number; fails: number }> = {};
  readonly rejected: Partial<Record<Rejection, number>> = {};
  private readonly digests: DigestSet;
  private readonly vus = new Map<number, { runner: string; nonce: string }>();
  private answers: Float64Array;
  private answerCount = 0;
  /** Requests reported past maxAnswers: counted, not recorded. */
  answersDropped = 0;
  tokens = 0;
  collisions = 0;
  private readonly maxAnswers: number;
  private readonly startedAt = Date.now();

  constructor(private readonly options: MergeOptions) {
    for (const id of options.runners)
      this.runners.set(id, {
        id,
        batches: 0,
        tokens: 0,
        firstAt: null,
        lastAt: null,
        done: null,
        duplicated: false,
        exit: null,
        fault: null,
      });
    this.digests = new DigestSet(options.uniqueCapacity);
    this.maxAnswers = options.maxAnswers ?? DEFAULT_MAX_ANSWERS;
    this.answers = new Float64Array(4 * Math.min(65_536, this.maxAnswers));
  }

  /** A POST body for `path` (/batch or /done): merged, or refused with the reason. Never throws. */
  take(path: string, body: string): Accepted {
    if (path === '/batch') {
      const parsed = parseBatch(body);
      return parsed.ok ? this.batch(parsed.message) : this.refuse('malformed', parsed.reason);
    }
    if (path === '/done') {
      const parsed = parseDone(body);
      return parsed.ok ? this.done(parsed.message) : this.refuse('malformed', parsed.reason);
    }
    return this.refuse('not found', `no such endpoint ${path.slice(0, 40)}`);
  }

  refuse(rejection: Rejection, reason: string): Accepted {
    this.rejected[rejection] = (this.rejected[rejection] ?? 0) + 1;
    return { ok: false, rejection, reason };
  }

  /** True once every runner sent its end (or was seen twice: nothing more can make it judgeable). */
  allEnded(): boolean {
    return [...this.runners.values()].every((r) => r.done !== null || r.duplicated || r.exit !== null);
  }

  /** The tokens compared, and how. */
  uniqueness(): UniquenessFigures {
    return this.digests.figures();
  }

  vuCount(): number {
    return this.vus.size;
  }

  /** Every recorded API request, second 0 starting when the first of them was sent. */
  samples(): Sample[] {
    const a = this.answers;
    let start = Infinity;
    for (let i = 0; i < this.answerCount * 4; i += 4)
      start = Math.min(start, (a[i + 1] as number) - Math.max(0, a[i + 2] as number));
    const samples: Sample[] = [];
    for (let i = 0; i < this.answerCount * 4; i += 4) {
      const verdict = a[i + 3] as number;
      samples.push({
        endpoint: ENDPOINTS[a[i] as number] ?? null,
        atMs: Math.max(0, (a[i + 1] as number) - start),
        // -1: the request got no HTTP answer (a timeout, a reset): failed, with no latency.
        latencyMs: (a[i + 2] as number) < 0 ? null : (a[i + 2] as number),
        ok: verdict === 1,
        ...(verdict === 429 || verdict === 503 ? { throttled: verdict } : {}),
      });
    }
    return samples;
  }

  private identify(message: { run: string; runner: string }): RunnerState | Accepted {
    if (message.run !== this.options.runId)
      return this.refuse('another run', `run '${message.run}' is not this run ('${this.options.runId}')`);
    const runner = this.runners.get(message.runner);
    if (!runner)
      return this.refuse(
        'unknown runner',
        `runner ${message.runner} is none of this run's ${this.runners.size} execution segments`,
      );
    return runner;
  }

  private batch(message: BatchMessage): Accepted {
    const runner = this.identify(message);
    if (!('id' in runner)) return runner;
    if (runner.done) return this.refuse('after its end', `runner ${runner.id} sent a batch after its end`);
    // Timings far from the collector's clock would stretch the per-window series without bound.
    const [earliest, latest] = [this.startedAt - CLOCK_SKEW_MS, Date.now() + CLOCK_SKEW_MS];
    if (message.answers.some(([, at]) => (at as number) < earliest || (at as number) > latest))
      return this.refuse('malformed', `answers timed outside the run (more than ${CLOCK_SKEW_MS} ms off this clock)`);
    const known = this.vus.get(message.vu);
    if (known && (known.runner !== runner.id || known.nonce !== message.nonce)) {
      runner.duplicated = true;
      return this.refuse(
        'duplicate runner',
        `VU ${message.vu} of runner ${runner.id} was also reported by another process (runner ${known.runner})`,
      );
    }
    if (!known && this.vus.size < MAX_VUS) this.vus.set(message.vu, { runner: runner.id, nonce: message.nonce });
    this.seen(runner);
    runner.batches += 1;
    runner.tokens += message.digests.length;
    for (const digest of message.digests) {
      this.tokens += 1;
      const fresh = this.digests.addDigest(parseInt(digest.slice(0, 8), 16), parseInt(digest.slice(8), 16));
      if (!fresh) this.collisions += 1;
    }
    TALLIES.forEach((tally, i) => (this.rotation[tally] += message.tallies[i] as number));
    VIOLATIONS.forEach((v, i) => (this.rotation.violations[v] += message.violations[i] as number));
    for (const [name, passes, fails] of message.checks) {
      if (!this.checks[name] && Object.keys(this.checks).length >= 256) continue;
      const counts = (this.checks[name] ??= { passes: 0, fails: 0 });
      counts.passes += passes;
      counts.fails += fails;
    }
    for (const answer of message.answers) this.record(answer);
    return { ok: true };
  }

  private done(message: DoneMessage): Accepted {
    const runner = this.identify(message);
    if (!('id' in runner)) return runner;
    if (runner.done) {
      runner.duplicated = true;
      return this.refuse('duplicate runner', `runner ${runner.id} ended twice: two processes ran it`);
    }
    this.seen(runner);
    runner.done = message;
    return { ok: true };
  }

  private seen(runner: RunnerState): void {
    const now = Date.now();
    runner.firstAt ??= now;
    runner.lastAt = now;
  }

  private record(answer: number[]): void {
    if (this.answerCount >= this.maxAnswers) {
      this.answersDropped += 1;
      return;
    }
    if ((this.answerCount + 1) * 4 > this.answers.length) {
      const grown = new Float64Array(Math.min(this.answers.length * 2, this.maxAnswers * 4));
      grown.set(this.answers);
      this.answers = grown;
    }
    this.answers.set(answer, this.answerCount * 4);
    this.answerCount += 1;
  }
}
