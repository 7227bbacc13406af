// Samples -> k6's end-of-test summary data: metrics with values and threshold results, checks.
import type { MetricType, Sample } from './shims/state.ts';
import { compare, parseMetricKey, parseThreshold, thresholdExpression, type ThresholdSpec } from './thresholds.ts';

export interface MetricSummary {
  type: MetricType;
  contains: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}
export interface SummaryData {
  metrics: Record<string, MetricSummary>;
  root_group: {
    name: string;
    path: string;
    id: string;
    groups: unknown[];
    checks: { name: string; path: string; id: string; passes: number; fails: number }[];
  };
  options: { summaryTrendStats: string[] };
  state: { isStdOutTTY: boolean; isStdErrTTY: boolean; testRunDurationMs: number };
}

/** Types of k6's built-in metrics, for thresholds on metrics that got no samples. */
const BUILTIN_TYPES: Record<string, MetricType> = {
  http_reqs: 'counter',
  iterations: 'counter',
  http_req_duration: 'trend',
  iteration_duration: 'trend',
  http_req_failed: 'rate',
  checks: 'rate',
};
const DEFAULT_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];

export function aggregation(type: MetricType, values: number[], name: string, durationMs: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((s, v) => s + v, 0);
  if (name === 'count') return sum;
  if (name === 'rate')
    return type === 'counter' ? sum / Math.max(durationMs / 1000, 1e-9) : values.length ? sum / values.length : 0;
  if (name === 'avg') return values.length ? sum / values.length : 0;
  if (name === 'min') return sorted[0] ?? 0;
  if (name === 'max') return sorted[sorted.length - 1] ?? 0;
  if (name === 'value') return values[values.length - 1] ?? 0;
  const p = name === 'med' ? 50 : Number(/^p\((.+)\)$/.exec(name)?.[1] ?? NaN);
  return percentile(sorted, p);
}

/** Linear interpolation between closest ranks, as k6 does. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
}

function statsFor(type: MetricType, trendStats: string[]): string[] {
  if (type === 'counter') return ['count', 'rate'];
  if (type === 'rate') return ['rate'];
  if (type === 'gauge') return ['value', 'min', 'max'];
  return trendStats;
}

export function summarize(
  samples: Sample[],
  thresholds: Record<string, ThresholdSpec[]>,
  durationMs: number,
  trendStats = DEFAULT_TREND_STATS,
): SummaryData {
  const metrics: Record<string, MetricSummary> = {};
  const keys = new Set([...samples.map((s) => s.metric), ...Object.keys(thresholds)]);
  for (const key of keys) {
    const { metric, tags } = parseMetricKey(key);
    const selected = samples.filter(
      (s) => s.metric === metric && Object.entries(tags).every(([k, v]) => s.tags[k] === v),
    );
    const type =
      selected[0]?.type ?? samples.find((s) => s.metric === metric)?.type ?? BUILTIN_TYPES[metric] ?? 'counter';
    const values = selected.map((s) => s.value);
    const summary: MetricSummary = { type, contains: metric.includes('duration') ? 'time' : 'default', values: {} };
    for (const stat of statsFor(type, trendStats)) summary.values[stat] = aggregation(type, values, stat, durationMs);
    if (type === 'rate')
      Object.assign(summary.values, {
        passes: values.filter((v) => v !== 0).length,
        fails: values.filter((v) => v === 0).length,
      });
    if (thresholds[key]) {
      summary.thresholds = {};
      for (const spec of thresholds[key]) {
        const { aggregation: agg, operator, bound } = parseThreshold(thresholdExpression(spec));
        summary.thresholds[thresholdExpression(spec)] = {
          ok: compare(aggregation(type, values, agg, durationMs), operator, bound),
        };
      }
    }
    metrics[key] = summary;
  }
  return {
    metrics,
    root_group: rootGroup(samples),
    options: { summaryTrendStats: trendStats },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: durationMs },
  };
}

function rootGroup(samples: Sample[]): SummaryData['root_group'] {
  const checks = new Map<string, { passes: number; fails: number }>();
  for (const s of samples) {
    if (s.metric !== 'checks') continue;
    const entry = checks.get(s.tags.check ?? '') ?? { passes: 0, fails: 0 };
    if (s.value) entry.passes += 1;
    else entry.fails += 1;
    checks.set(s.tags.check ?? '', entry);
  }
  return {
    name: '',
    path: '',
    id: 'root',
    groups: [],
    checks: [...checks].map(([name, c]) => ({ name, path: `::${name}`, id: name, passes: c.passes, fails: c.fails })),
  };
}

export function thresholdsFailed(data: SummaryData): string[] {
  return Object.entries(data.metrics).flatMap(([metric, m]) =>
    Object.entries(m.thresholds ?? {})
      .filter(([, r]) => !r.ok)
      .map(([e]) => `${metric}: ${e}`),
  );
}
