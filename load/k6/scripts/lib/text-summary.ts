// A compact end-of-test summary for the console, in place of k6's own (handleSummary replaces it, and k6
// v0.49 has no textSummary built in without the remote jslib): the run's length, requests and their rate,
// iterations (and dropped ones), latency per endpoint (med, p95, p99, max), then the thresholds and checks.
import type { SummaryData } from './summary-data.ts';

const ms = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v * 10) / 10} ms`);
const n = (v: number | undefined) => (v === undefined ? '–' : String(Math.round(v * 100) / 100));

export function compactSummary(title: string, data: SummaryData): string[] {
  const m = data.metrics;
  const seconds = (data.state?.testRunDurationMs ?? 0) / 1000;
  const reqs = m.http_reqs?.values;
  const iterations = m.iterations?.values;
  const dropped = m.dropped_iterations?.values.count;
  const lines = [
    title,
    `  ${n(seconds)} s: ${n(reqs?.count)} requests (${n(reqs?.rate)}/s), ${n(iterations?.count)} iterations ` +
      `(${n(iterations?.rate)}/s)${dropped ? `, ${n(dropped)} dropped (no free VU)` : ''}, ` +
      `failed requests ${n((m.http_req_failed?.values.rate ?? 0) * 100)}%`,
  ];
  for (const [label, key] of [
    ['token', 'http_req_duration{endpoint:token}'],
    ['refresh', 'http_req_duration{endpoint:refresh}'],
    ['all', 'http_req_duration'],
  ] as const) {
    const v = m[key]?.values;
    if (v)
      lines.push(
        `  ${label.padEnd(8)} med ${ms(v.med)}, p95 ${ms(v['p(95)'])}, p99 ${ms(v['p(99)'])}, max ${ms(v.max)}`,
      );
  }
  return lines;
}
