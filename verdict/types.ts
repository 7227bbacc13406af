// The shapes every layer (conformance, contract, load) reports into the verdict with.
import type { RunGuards } from '../client/run-guards.ts';
import type { Credentials } from '../client/token-client.ts';
import type { TlsTrust } from '../client/tls.ts';

export type Level = 'MUST' | 'SHOULD';
/**
 * pass: the evidence shows the requirement met. fail: it shows the requirement broken (a SHOULD that
 * fails is 'warn'). inconclusive: the run did not gather the evidence the requirement needs (too few
 * samples, a suite-side problem, an interruption): never a pass, never the server's fault.
 */
export type Status = 'pass' | 'fail' | 'warn' | 'inconclusive';
/** pass (exit 0), fail (1), error: the suite could not run (2), inconclusive (3), interrupted (130). */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'interrupted' | 'error';
export type { LayerName } from '../settings/verify.ts';
import type { LayerName } from '../settings/verify.ts';

/** One line of the verdict: a requirement, how it came out, and why. */
export interface RequirementResult {
  id: string;
  title: string;
  level: Level;
  status: Status;
  /** Where the requirement comes from: "docs", "RFC 6749 §5.2", "RFC 9700 §4.14.2", "suite". */
  source: string;
  /** What was observed; never a full secret (see redactToken). */
  evidence: string[];
  /** The least evidence a verdict on this requirement needs, and why. */
  minimum?: string;
  /** The layer that judged it; 'baseline' for the comparison with an earlier run (BASE-*). */
  layer: LayerName | 'baseline';
}

export interface Target {
  baseUrl: string;
  credentials: Credentials;
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /** Seconds during which a rotated-out refresh token may still be accepted (0: never). */
  rotationGraceSeconds: number;
  /** True when the target is the embedded reference server started by the suite. */
  embedded: boolean;
  /** TLS trust for https:// targets (--ca-file, --insecure, --cert/--key); undefined: the system's defaults. */
  tls?: TlsTrust;
}

export interface CapacityPlan {
  start: number;
  step: number;
  max: number;
  stepSeconds: number;
}

export interface LayerContext {
  target: Target;
  reportDir: string;
  /** Load duration in seconds. */
  durationSeconds: number;
  /**
   * The load may go on past durationSeconds until every load requirement has its minimum, never past this
   * (Node engine; absent or not above durationSeconds: never extended).
   */
  maxDurationSeconds?: number;
  engine: 'auto' | 'node' | 'k6';
  /** Load generator knobs from flags; unset ones come from TOKEN_SUITE_LOAD_* or their defaults. */
  load?: { connections?: number; rate?: number; runners?: number; maxThrottledShare?: number };
  /** --find-capacity: ramp the open-model rate (flows/s) from start by step up to max, stepSeconds a step. */
  capacity?: CapacityPlan;
  /** Progress lines for the console; never secrets. */
  log: (line: string) => void;
  /** Live figures of a running load engine, about once a second (the console draws them). */
  progress?: (figures: LoadProgress) => void;
  /** Concurrent refreshes of one token in REFRESH-04 (default 24). */
  raceSize?: number;
  /** Every token a layer sees goes here, so that reports and console lines never show it whole. */
  secrets?: { addToken(token: string): void };
  /** Adds a line to summary.json's notes (an engine fallback, a lowered hashing cost). */
  note?: (line: string) => void;
  /**
   * A layer hands over each requirement as soon as it is judged: if the layer then crashes, what it judged
   * stands beside SUITE-01 (a failure found before the crash stays a failure).
   */
  judged?: (result: RequirementResult) => void;
  /** Aborted on Ctrl-C: layers stop early and return what they measured. */
  signal: AbortSignal;
  /** The run's wait budget for throttled answers and its failed-login ledger, shared by every layer. */
  guards?: RunGuards;
}

export interface LayerOutcome {
  requirements: RequirementResult[];
  /** Only the load layer fills this: the `load` section of summary.json. */
  load?: Record<string, unknown>;
}

export interface Layer {
  name: LayerName;
  /**
   * Before any layer runs: finds what the user must fix (an unusable engine) and throws CannotRunError (exit 2),
   * so a configuration mistake never throws away what earlier layers judged.
   */
  prepare?(context: LayerContext): Promise<void>;
  run(context: LayerContext): Promise<LayerOutcome>;
}

/** What a load engine reports while it runs. */
export interface LoadProgress {
  elapsedSeconds: number;
  totalSeconds: number;
  requests: number;
  /** Requests per second over the last second. */
  rps: number;
  /** Unexpected answers and failed checks so far. */
  errors: number;
  /** Rotation violations so far (replays accepted, double wins, collisions). */
  violations: number;
}
