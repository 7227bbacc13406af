// Rotation bookkeeping: the invariants of refresh-token rotation, counted. One ledger per VU or engine;
// nothing is shared between VUs, so split runs stay correct.
import type { TokenPair } from './checks.ts';

export type Violation = 'replay_accepted' | 'family_survived_replay' | 'race_double_win' | 'token_collision';

export const VIOLATIONS: readonly Violation[] = [
  'replay_accepted',
  'family_survived_replay',
  'race_double_win',
  'token_collision',
];

export interface RotationCounters {
  rotations: number;
  replays: number;
  races: number;
  /** Accepted replays and double wins while the target declares a grace period: allowed, so only counted. */
  accepted_in_grace: number;
  violations: Record<Violation, number>;
}

export interface LedgerOptions {
  graceSeconds: number;
  capacity?: number;
}

export class RotationLedger {
  readonly counters: RotationCounters = {
    rotations: 0,
    replays: 0,
    races: 0,
    accepted_in_grace: 0,
    violations: { replay_accepted: 0, family_survived_replay: 0, race_double_win: 0, token_collision: 0 },
  };
  private readonly seen = new Set<string>();
  private readonly capacity: number;

  constructor(
    private readonly options: LedgerOptions,
    private readonly onViolation: (v: Violation) => void = () => undefined,
  ) {
    this.capacity = options.capacity ?? 50_000;
  }

  /** A freshly issued pair: both tokens must differ from each other and from every token seen before. */
  issued(pair: TokenPair): void {
    const collisions =
      (this.remember(pair.token) ? 0 : 1) +
      (this.remember(pair.refreshToken) ? 0 : 1) +
      (pair.token === pair.refreshToken ? 1 : 0);
    for (let i = 0; i < collisions; i += 1) this.violate('token_collision');
  }

  /** True when the target declares a grace period: accepted replays and double wins are then allowed. */
  get graceful(): boolean {
    return this.options.graceSeconds > 0;
  }

  rotated(): void {
    this.counters.rotations += 1;
  }

  /** A spent refresh token was presented again; `accepted` when the server answered with a pair. */
  replayed(accepted: boolean): void {
    this.counters.replays += 1;
    if (accepted) this.lenient('replay_accepted');
  }

  /** After a replay, the newest token of the family was tried; `accepted` when it still worked. */
  familyProbed(accepted: boolean): void {
    if (accepted) this.lenient('family_survived_replay');
  }

  raced(winners: number): void {
    this.counters.races += 1;
    if (winners > 1) this.lenient('race_double_win');
  }

  private lenient(violation: Violation): void {
    if (this.graceful) this.counters.accepted_in_grace += 1;
    else this.violate(violation);
  }

  private violate(violation: Violation): void {
    this.counters.violations[violation] += 1;
    this.onViolation(violation);
  }

  /** False when the value was seen before. Forgets the oldest values past `capacity`. */
  private remember(value: string): boolean {
    if (this.seen.has(value)) return false;
    if (this.seen.size >= this.capacity) this.seen.delete(this.seen.values().next().value as string);
    this.seen.add(value);
    return true;
  }
}
