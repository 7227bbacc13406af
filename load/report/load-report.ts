// The `load` section of summary.json: what a run measured, in one engine-neutral shape.
import { redactTokensIn } from '../../schemas/token-format.ts';
import type { UniquenessFigures } from '../flows/digest-set.ts';
import type { RotationCounters } from '../flows/rotation.ts';
import type { ClientFigures } from '../node/client-saturation.ts';
import type { CheckCounts, EngineRun, LoadModel } from '../node/engine.ts';
import { latencyOf, type LatencyMs, type Recorder, type SecondPoint } from '../measure/recorder.ts';
import type { LoadSettings, LoadThresholds } from '../settings.ts';
import { degradationOf, type Degradation } from './degradation.ts';
import { throttleFiguresOf, type ThrottleFigures } from './throttling.ts';
import { minimumsOf, type MinimumsFigures } from './minimums-report.ts';
import type { Extension } from '../node/minimums-watch.ts';
import { judgeOverloaded, overloadOf, refreshesPerFlow, type Overload } from './overload.ts';

export interface EndpointFigures {
  /** Every request, throttled ones included. */
  requests: number;
  errors: number;
  /** Answered 429, or 503 with Retry-After: not errors, not in `latency_ms` (absent: none). */
  throttled?: number;
  rps: number;
  latency_ms: LatencyMs;
}

export interface LoadReport {
  engine: 'node' | 'k6';
  duration_s: number;
  stopped_early: boolean;
  connections: number;
  rps: number;
  requests: number;
  errors: number;
  /** Errors among the requests that were not throttled. */
  error_rate: number;
  /** Of the answers that were not throttled. */
  latency_ms: LatencyMs;
  /** Throttled answers (429, 503 with Retry-After): counted apart, and what they mean for the verdict. */
  throttled?: ThrottleFigures;
  endpoints: Record<'token' | 'refresh', EndpointFigures>;
  rotation: RotationCounters;
  /** The rotation grace the target declares (--rotation-grace), in seconds; absent: 0. */
  rotation_grace_s?: number;
  /** Rotation counters absent from k6's summary: the rotation requirements cannot be judged (k6 engine). */
  rotation_missing?: string[];
  checks: CheckCounts;
  thresholds: LoadThresholds;
  /** The first and the last third of the run compared (LOAD-06), window by window. */
  degradation: Degradation;
  /** Per second; `endpoints` per second when the engine records it (report.html charts each endpoint). */
  series: SecondPoint[];
  /** Runs whose windows are shorter than a second (up to 12 s: 250 ms): the same figures per window. */
  window_series?: { window_s: number; points: SecondPoint[] };
  /** Which load model ran and what it means for the latency figures (both engines). */
  model?: ReportedModel;
  /** How many issued tokens the uniqueness check (LOAD-05) compared, and how (Node engine). */
  uniqueness?: UniquenessFigures;
  /** The generator's own saturation during the run, and whether it was the limit (Node engine). */
  client?: ClientFigures;
  /** Why requests got no HTTP answer, with counts (Node engine). */
  failures?: Record<string, number>;
  /** Requests still unanswered when the run and its grace (--timeout) had ended: counted as failed. */
  abandoned?: number;
  /** After the load: did the server still issue and refresh a pair (LOAD-01)? Absent: not probed (aborted). */
  /** ok null: not judged (throttled past the run's wait budget). */
  liveness?: { ok: boolean | null; detail: string };
  /** k6 counters LOAD-01 reads that the summary lacks (flows_started, flows_ended): LOAD-01 cannot pass. */
  counters_missing?: string[];
  /** Open model: the offered rate against the achieved one, per endpoint; null in the closed model. */
  overload?: Overload | null;
  /** The requirements' minimums the run did not meet, and how long a run at its rates would need. */
  minimums?: MinimumsFigures;
  /** Node engine: whether and why the load went on past --duration until the minimums were met. */
  extension?: Extension;
}

/** The load model as both engines record it: the Node engine adds its workers and start figures. */
export type ReportedModel = Pick<LoadModel, 'kind' | 'connections' | 'rate'> &
  Partial<Pick<LoadModel, 'workers' | 'starts'>> & {
    /** k6: the most VUs its arrival-rate executor may start (it adds VUs while answers are slow). */
    max_vus?: number;
    description: string;
  };

export function describeModel(model: Pick<LoadModel, 'kind' | 'connections' | 'rate'> & { max_vus?: number }): string {
  if (model.max_vus !== undefined)
    return model.kind === 'open'
      ? `open model: ${model.rate} flow starts/s (k6 constant-arrival-rate), ${model.connections} VUs ` +
          `pre-allocated, up to ${model.max_vus}; every request timed from its send, and starts with no free ` +
          'VU dropped (counted)'
      : `closed model: ${model.connections} VUs (k6 constant-vus), each starting its next flow when the last ` +
          'one ends; every request timed from its send';

  return model.kind === 'open'
    ? `open model: ${model.rate} flow starts/s on a fixed schedule, up to ${model.connections} flows in flight; ` +
        "a flow's first request is timed from its scheduled start (coordinated omission corrected), " +
        'later steps from their send'
    : `closed model: ${model.connections} users, each starting its next flow when the last one ends; ` +
        'every request timed from its send (a server stall also stalls the load, so stalls are under-sampled)';
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function nodeLoadReport(run: EngineRun, settings: LoadSettings): LoadReport {
  const { recorder } = run;
  const seconds = Math.max(run.durationSeconds, 1e-3);
  const figures = endpointFigures(seconds);
  const series = recorder.series();
  const overload = overloadOf(
    recorder,
    run.durationSeconds,
    run.model.rate,
    run.model.starts,
    refreshesPerFlow(settings.flows),
  );
  const report: LoadReport = {
    engine: 'node',
    duration_s: round(run.durationSeconds),
    stopped_early: run.stoppedEarly,
    connections: settings.connections,
    ...overall(figures(recorder.overall)),
    throttled: throttlingOf(recorder, series, settings),
    endpoints: { token: figures(recorder.endpoints.token), refresh: figures(recorder.endpoints.refresh) },
    rotation: run.rotation,
    rotation_grace_s: settings.flows.graceSeconds,
    checks: run.checks,
    thresholds: settings.thresholds,
    overload,
    degradation: judgeOverloaded(
      degradationOf(
        recorder,
        run.durationSeconds,
        settings.thresholds,
        run.model.kind === 'closed' || overload?.overloaded === true,
        run.contention,
      ),
      overload,
    ),
    series,
    ...windowSeriesOf(recorder),
    model: { ...run.model, description: describeModel(run.model) },
    uniqueness: run.uniqueness,
    client: run.client,
    failures: Object.fromEntries(Object.entries(run.failures).map(([reason, n]) => [redactTokensIn(reason), n])),
    abandoned: run.abandoned,
    ...(run.extension ? { extension: run.extension } : {}),
  };
  return { ...report, minimums: minimumsOf(report, recorder, run.uniqueness.checked) };
}

/** A bucket's figures over a run of `seconds` (both engines). */
export function endpointFigures(seconds: number) {
  return (bucket: Recorder['overall']): EndpointFigures => ({
    requests: bucket.requests,
    errors: bucket.errors,
    throttled: bucket.throttled,
    rps: round(bucket.requests / seconds),
    latency_ms: latencyOf(bucket.histogram),
  });
}

/** The overall figures; the error rate is of the requests that were not throttled. */
export function overall(f: EndpointFigures) {
  const judged = f.requests - (f.throttled ?? 0);
  return {
    rps: f.rps,
    requests: f.requests,
    errors: f.errors,
    error_rate: judged > 0 ? round(f.errors / judged, 4) : 0,
    latency_ms: f.latency_ms,
  };
}

/** The throttled answers of a run, from its recorder (both engines). */
export function throttlingOf(recorder: Recorder, series: SecondPoint[], settings: LoadSettings): ThrottleFigures {
  return throttleFiguresOf({
    requests: recorder.overall.requests,
    statuses: recorder.throttledStatuses,
    endpoints: { token: recorder.endpoints.token.throttled, refresh: recorder.endpoints.refresh.throttled },
    series,
    maxShare: settings.thresholds.maxThrottledShare,
  });
}

/** The per-window series when windows are shorter than a second (report.html draws a short run by them). */
export function windowSeriesOf(recorder: Recorder): Pick<LoadReport, 'window_series'> {
  if (recorder.windowMs >= 1000) return {};
  return { window_series: { window_s: recorder.windowMs / 1000, points: recorder.windowSeries() } };
}
