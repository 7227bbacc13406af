// What the main thread gives a load worker (its plan) and what the worker gives back (its result).
import type { RotationCounters } from '../flows/rotation.ts';
import type { FlowSettings } from '../flows/settings.ts';
import type { EvidenceBoardHandle } from './evidence-board.ts';
import type { SocketTls } from './http/target.ts';
import type { EncodedRecorder } from '../measure/recorder.ts';
import type { SharedDigestSetHandle } from './shared-digest-set.ts';
import type { ThreadFigures } from '../measure/thread-meter.ts';

/** A start more than this many ms after it was due counts as late. */
export const LATE_MS = 10;

export type CheckCounts = Record<string, { passes: number; fails: number }>;

export interface WorkerPlan {
  index: number;
  /** Virtual users (flows in flight at once) of this worker. */
  users: number;
  /** Flow starts per second for this worker (open model); 0: closed model. */
  rate: number;
  /** Where in the first interval this worker's first start falls (0..1), so all workers' starts interleave. */
  phase: number;
  /** The load's longest length: --duration, or the bound when the run may be extended (minimums-watch.ts). */
  durationSeconds: number;
  /** LOAD-06's windows, sized for --duration (an extended run has more of them, not longer ones). */
  windowMs: number;
  timeoutMs: number;
  flows: FlowSettings;
  tls: SocketTls;
  tokens: SharedDigestSetHandle;
  /** Int32 slots per worker (progress-ticker.ts), read by the main thread. */
  progress: SharedArrayBuffer;
  /** Where the worker publishes its evidence for the minimums (evidence-board.ts). */
  evidence: EvidenceBoardHandle;
}

export interface StartFigures {
  /** Flow starts due by the schedule (closed model: the starts made). */
  scheduled: number;
  started: number;
  /** Found a free user but started more than LATE_MS after they were due: the client's own thread was late. */
  late: number;
  /** Waited for a free user (every user was busy): timed from when they were due, so the wait is measured. */
  queued: number;
  /** Never started (so never measured): every user was busy and as many starts were already waiting. */
  dropped: number;
  /** The longest time from due to start, waiting included. */
  max_lag_ms: number;
}

export interface WorkerResult extends ThreadFigures {
  index: number;
  users: number;
  recorder: EncodedRecorder;
  /** Latencies recorded (answered requests), as the worker's own histogram counted them. */
  latencyCount: number;
  /** Issued tokens this worker looked up in the shared set. */
  tokensChecked: number;
  rotation: RotationCounters;
  checks: CheckCounts;
  starts: StartFigures;
  /** Requests still waiting for an answer when the run ended (neither counted nor recorded). */
  abandoned: number;
  /** Why requests got no HTTP answer, with counts (at most MAX_REASONS reasons, the rest as "other"). */
  failures: Record<string, number>;
  connectFailures: number;
}
