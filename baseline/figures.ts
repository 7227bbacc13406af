// Per endpoint and figure: the baseline's and this run's whole-run value, the change with its 95% interval over
// the per-second windows (stats.ts), and the judgement against the tolerance. A regression needs the whole
// interval past the tolerance (worse than the tolerance, beyond the runs' own noise); an improvement, the whole
// interval past it the other way. p99 is shown but never judged: one window's p99 is a handful of answers.
import { proportionShift, ratioShift, type Shift } from './stats.ts';
import { endpointTotals, endpointWindows, ENDPOINTS, type EndpointName, type EndpointTotals } from './windows.ts';

export interface Tolerances {
  /** % a p50 or p95 may rise. */
  latency: number;
  /** % the throughput may fall. */
  throughput: number;
  /** Percentage points the error rate may rise. */
  errorRate: number;
}

export type FigureName = 'throughput' | 'p50' | 'p95' | 'p99' | 'error_rate';
export type Judgement = 'regression' | 'improvement' | 'within' | 'unmeasured' | 'shown';

export interface FigureDelta {
  figure: FigureName;
  /** Whole-run values: req/s, ms, or a rate from 0 to 1. */
  old: number | null;
  now: number | null;
  /** A ratio (new / old) for throughput and latency; a difference of rates for the error rate. */
  change: Shift | null;
  /** The windows each run contributed (error rate: the requests). */
  samples: { old: number; now: number };
  judgement: Judgement;
}

export interface EndpointDelta {
  endpoint: EndpointName;
  figures: FigureDelta[];
}

type Load = Record<string, unknown> | null;

export function endpointDeltas(old: Load, now: Load, tolerances: Tolerances): EndpointDelta[] {
  if (!old || !now) return [];
  return ENDPOINTS.flatMap((endpoint) => {
    const a = endpointTotals(old, endpoint);
    const b = endpointTotals(now, endpoint);
    if (!a || !b || (a.requests === 0 && b.requests === 0)) return [];
    return [{ endpoint, figures: figuresOf(old, now, endpoint, a, b, tolerances) }];
  });
}

function figuresOf(
  old: NonNullable<Load>,
  now: NonNullable<Load>,
  endpoint: EndpointName,
  a: EndpointTotals,
  b: EndpointTotals,
  tolerances: Tolerances,
): FigureDelta[] {
  const wa = endpointWindows(old, endpoint);
  const wb = endpointWindows(now, endpoint);
  const up = 1 + tolerances.latency / 100;
  const down = 1 - tolerances.throughput / 100;
  const latency = (figure: 'p50' | 'p95' | 'p99'): FigureDelta => {
    const change = ratioShift(wa[figure], wb[figure]);
    const judgement =
      figure === 'p99'
        ? 'shown'
        : judge(
            change,
            (s) => s.low > up,
            (s) => s.high < 1 / up,
          );
    return { figure, old: a[figure], now: b[figure], change, samples: count(wa[figure], wb[figure]), judgement };
  };
  const floor = (values: number[]) => values.map((v) => Math.max(v, 0.5)); // a stalled second is a change too
  const throughput = ratioShift(floor(wa.requests), floor(wb.requests));
  const errors = proportionShift({ events: a.errors, trials: a.requests }, { events: b.errors, trials: b.requests });
  const points = tolerances.errorRate / 100;
  return [
    {
      figure: 'throughput',
      old: a.rps,
      now: b.rps,
      change: throughput,
      samples: count(wa.requests, wb.requests),
      judgement: judge(
        throughput,
        (s) => s.high < down,
        (s) => s.low > 1 / down,
      ),
    },
    latency('p50'),
    latency('p95'),
    latency('p99'),
    {
      figure: 'error_rate',
      old: a.requests ? a.errors / a.requests : null,
      now: b.requests ? b.errors / b.requests : null,
      change: errors,
      samples: { old: a.requests, now: b.requests },
      judgement: judge(
        errors,
        (s) => s.low > points,
        (s) => s.high < -points,
      ),
    },
  ];
}

const count = (a: unknown[], b: unknown[]) => ({ old: a.length, now: b.length });

function judge(change: Shift | null, worse: (s: Shift) => boolean, better: (s: Shift) => boolean): Judgement {
  if (!change) return 'unmeasured';
  if (worse(change)) return 'regression';
  if (better(change)) return 'improvement';
  return 'within';
}
