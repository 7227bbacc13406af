// Rotation bookkeeping: the invariants of refresh-token rotation, counted. One ledger per k6 VU or per
// Node engine worker; a chain or race stays with one ledger, so its invariants are exact. Issued tokens
// go into a TokenSet: per VU in k6, one set shared by all worker threads in the Node engine.
import type { TokenPair } from './checks.ts';
import { DigestSet, type TokenSet } from './digest-set.ts';

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
  /** Tokens compared exactly by digest (default: DigestSet's); ignored when `tokens` is given. */
  capacity?: number;
  /** Where issued tokens are remembered: the Node engine shares one set between its worker threads. */
  tokens?: TokenSet;
}

export class RotationLedger {
  readonly counters: RotationCounters = {
    rotations: 0,
    replays: 0,
    races: 0,
    accepted_in_grace: 0,
    violations: { replay_accepted: 0, family_survived_replay: 0, race_double_win: 0, token_collision: 0 },
  };
  /** The issued tokens, by digest: see TokenSet.figures() for how many were compared. */
  readonly tokens: TokenSet;

  constructor(
    private readonly options: LedgerOptions,
    private readonly onViolation: (v: Violation) => void = () => undefined,
  ) {
    this.tokens = options.tokens ?? new DigestSet(options.capacity);
  }

  /** A freshly issued pair: both tokens must differ from each other and from every token seen before. */
  issued(pair: TokenPair): void {
    const collisions =
      (this.tokens.add(pair.token) ? 0 : 1) +
      (pair.token === pair.refreshToken ? 1 : this.tokens.add(pair.refreshToken) ? 0 : 1);
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
}
