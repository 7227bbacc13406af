// A flow is a small state machine: it hands out the next request(s) and learns from the answers.
// k6 drives it with synchronous http calls, the Node engine with autocannon callbacks; the logic is here once.
import type { ResponseLike, TokenFormat } from './checks.ts';
import type { Credentials, RequestSpec } from './requests.ts';
import type { RotationLedger } from './rotation.ts';

export type FlowKind = 'password' | 'chain' | 'race';
export const FLOW_KINDS: readonly FlowKind[] = ['password', 'chain', 'race'];

export interface FlowObserver {
  /** One named check, named as a requirement, passed or failed. */
  check(name: string, ok: boolean): void;
}

export interface FlowContext {
  credentials: Credentials;
  format: TokenFormat;
  /** Rotations per chain (at least 1). */
  chainLength: number;
  /** Concurrent refreshes of one token in a race (at least 2). */
  raceWidth: number;
  ledger: RotationLedger;
  observer: FlowObserver;
  /**
   * What a throttled answer (429, or 503 with Retry-After) does: true (closed model) the flow sends the
   * request again, after the engine's wait; false (open model) the flow ends, counted as throttled.
   */
  retryThrottled: boolean;
}

export interface Flow {
  readonly kind: FlowKind;
  /** The next batch of requests, sent concurrently (usually one); null when the flow is over. */
  next(): RequestSpec[] | null;
  onResponses(responses: ResponseLike[]): void;
  /** True when a throttled answer ended the flow (open model; a race whatever the model). */
  readonly throttled: boolean;
}

export const CHECKS = {
  grant: 'password grant returns a valid token pair',
  refresh: 'refresh returns a valid new token pair',
  replay: 'a replayed refresh token is rejected',
  family: 'a replay revokes the newest token of the family',
  raceOne: 'exactly one of concurrent refreshes of one token wins',
  raceLosers: 'the losers of a refresh race are rejected',
} as const;
