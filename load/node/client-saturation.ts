// Was the generator, not the server, the limit? Figures of the client's own saturation during a run and
// a judgement by a stated rule, so latency and degradation requirements can say "the client was starved".
import type { LoadThresholds } from '../settings.ts';
import type { StartFigures } from './worker-types.ts';

export interface ClientFigures {
  workers: number;
  cores: number;
  /** Per worker: share of the run its thread was on a CPU (null where it cannot be read). */
  thread_busy: (number | null)[];
  /** The worst worker's event-loop delay (ms): time an answer may have waited before it was timed. */
  event_loop_delay_ms: { p50: number; p99: number; max: number };
  /** Per worker: event-loop delay p99 (ms). */
  event_loop_p99_ms: number[];
  /** CPU seconds of the whole process during the run: workers, main thread, GC, and the embedded server if any. */
  process_cpu_s: number;
  /** Share of all the machine's cores busy during the run, every process counted (null where unreadable). */
  machine_busy: number | null;
  /** True when a rule below fired: the client's figures, not only the server's, shaped the results. */
  starved: boolean;
  reasons: string[];
  /**
   * True when answers may have waited in the client before they were timed (rules 1 and 2): then a latency
   * over a threshold, or a latency that grew, may be the client's own. Late or dropped starts (rules 3 and 4)
   * mean the load asked for was not applied, not that the latencies measured are wrong.
   */
  latency_suspect: boolean;
}

/**
 * The rule: the client was starved when (1) a worker thread was on a CPU for >= 90% of the run (it could
 * not go faster: in the closed model the throughput is then the client's, and answers queue in it), or
 * (2) the worst worker's event-loop delay p99 exceeds max(10 ms, 10% of the lowest p95 threshold) (answers
 * waited that long to be timed), or, in the open model, (3) more than 1% of the flow starts began over
 * 10 ms late although a user was free (the client's thread could not keep the schedule), or (4) more than
 * 1% were dropped: every connection was busy (the server's latency times the rate exceeded the
 * connections), so the load asked for was not applied and those starts were never measured. Starts that
 * waited for a free user are not a reason: they are timed from when they were due.
 */
const STARVATION_RULE = { busyShare: 0.9, delayFloorMs: 10, delayShareOfP95: 0.1, startsShare: 0.01 };

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

export function starvationReasons(
  figures: Pick<ClientFigures, 'thread_busy' | 'event_loop_delay_ms'> & { machine_busy?: number | null },
  thresholds: Pick<LoadThresholds, 'p95TokenMs' | 'p95RefreshMs'>,
  starts: StartFigures | null,
): string[] {
  const rule = STARVATION_RULE;
  const reasons: string[] = [];
  figures.thread_busy.forEach((busy, worker) => {
    if (busy !== null && busy >= rule.busyShare)
      reasons.push(`worker ${worker}'s thread was busy ${pct(busy)} of the run (rule: >= ${pct(rule.busyShare)})`);
  });
  const delayLimit = Math.max(
    rule.delayFloorMs,
    rule.delayShareOfP95 * Math.min(thresholds.p95TokenMs, thresholds.p95RefreshMs),
  );
  const delay = figures.event_loop_delay_ms.p99;
  const machine = figures.machine_busy ?? null;
  const crowded = machine !== null && machine >= rule.busyShare ? ` (the machine was ${pct(machine)} busy)` : '';
  if (delay > delayLimit)
    reasons.push(`event-loop delay p99 ${delay} ms (rule: > ${delayLimit} ms): answers waited in the client${crowded}`);
  const limit = rule.startsShare * (starts?.scheduled ?? 0);
  const startsRule = `(rule: > ${pct(rule.startsShare)})`;
  if (starts && starts.late > limit)
    reasons.push(
      `${starts.late} of ${starts.scheduled} flow starts began over 10 ms late with a user free ${startsRule}: ` +
        `the client could not keep the schedule${crowded}`,
    );
  if (starts && starts.dropped > limit)
    reasons.push(
      `${starts.dropped} of ${starts.scheduled} flow starts dropped, never measured ${startsRule}: ` +
        "every connection was waiting for an answer: past the server's capacity this is overload (see the " +
        'offered and achieved rates); only if answers stayed fast are the connections too few for this rate',
    );
  return reasons;
}
