// One phrase per figure change, for the BASE-* evidence, the console and summary.md alike.
import type { FigureDelta, Tolerances } from './figures.ts';
import type { Shift } from './stats.ts';

const UNITS: Record<FigureDelta['figure'], string> = {
  throughput: ' req/s',
  p50: ' ms',
  p95: ' ms',
  p99: ' ms',
  error_rate: '',
};

export const FIGURE_LABELS: Record<FigureDelta['figure'], string> = {
  throughput: 'throughput',
  p50: 'p50 latency',
  p95: 'p95 latency',
  p99: 'p99 latency',
  error_rate: 'error rate',
};

function value(figure: FigureDelta['figure'], n: number | null): string {
  if (n === null) return 'n/a';
  if (figure === 'error_rate') return `${(n * 100).toFixed(2)}%`;
  return `${n >= 100 ? Math.round(n) : Number(n.toPrecision(3))}${UNITS[figure]}`;
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}%`;

/** "+104.0% (95% interval +91.0% to +120.0%)"; the error rate in percentage points. */
export function describeChange(figure: FigureDelta['figure'], change: Shift | null): string {
  if (!change) return 'too few windows to measure a change';
  if (figure === 'error_rate') {
    const pp = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(2)} pp`;
    return `${pp(change.estimate)} (95% interval ${pp(change.low)} to ${pp(change.high)})`;
  }
  const pct = (ratio: number) => signed((ratio - 1) * 100);
  return `${pct(change.estimate)} (95% interval ${pct(change.low)} to ${pct(change.high)})`;
}

export function toleranceOf(figure: FigureDelta['figure'], tolerances: Tolerances): string {
  if (figure === 'throughput') return `-${tolerances.throughput}%`;
  if (figure === 'error_rate') return `+${tolerances.errorRate} pp`;
  if (figure === 'p99') return 'not judged';
  return `+${tolerances.latency}%`;
}

/** "refresh p95 latency: 12.3 ms → 25.1 ms, +104.0% (95% interval ...): regression (tolerance +25%)". */
export function describeDelta(endpoint: string, delta: FigureDelta, tolerances: Tolerances): string {
  const { figure } = delta;
  return (
    `${endpoint} ${FIGURE_LABELS[figure]}: ${value(figure, delta.old)} → ${value(figure, delta.now)}, ` +
    `${describeChange(figure, delta.change)}: ${delta.judgement} (tolerance ${toleranceOf(figure, tolerances)})`
  );
}

export { value as formatFigure };
