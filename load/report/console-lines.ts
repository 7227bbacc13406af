// What the console says when the load ends: per endpoint its requests, throughput and p50/p95/p99 (never one
// blended figure: a 650 ms password grant and a 25 ms refresh average into nothing true), the offered and
// achieved rates in the open model, then one line per LOAD-* requirement.
import { renderRequirementLine } from '../../reporting/console/requirement.ts';
import type { RequirementResult } from '../../verdict/types.ts';
import type { LoadReport } from './load-report.ts';

const n = (x: number) => x.toLocaleString('en-US');

export function loadResultLines(load: LoadReport, requirements: readonly RequirementResult[]): string[] {
  const endpoints = (['token', 'refresh'] as const).map((e) => {
    const f = load.endpoints[e];
    const ms = f.latency_ms;
    return (
      `  ${`${e}:`.padEnd(9)}${n(f.requests)} requests, ${f.rps} req/s, ` +
      `p50 ${ms.p50} ms, p95 ${ms.p95} ms, p99 ${ms.p99} ms, ${n(f.errors)} unexpected` +
      (f.throttled ? `, ${n(f.throttled)} throttled (429, 503 + Retry-After: not timed)` : '')
    );
  });
  const overload = load.overload ? [`  ${load.overload.summary}`] : [];
  return [...endpoints, ...overload, ...minimumsLines(load), ...requirements.map((r) => renderRequirementLine(r))];
}

/** Whether the load went on past --duration for the minimums, and what a run would need when still short. */
function minimumsLines(load: LoadReport): string[] {
  const { extension, minimums: m } = load;
  // A run not extended because nothing was short says nothing: a fast server's console stays as it was.
  const extended = extension?.short_at_duration.length ? [`  load: ${extension.summary}`] : [];
  if (!m?.short.length) return extended;
  const need =
    m.run_with_s === null
      ? 'some evidence never came: no rate says how long a run would need'
      : `at the rates measured a run needs ~${Math.ceil(m.needed_s ?? 0)} s: run with --duration ${m.run_with_s}`;
  return [...extended, `  minimums not met: ${need}`, ...m.short.map((s) => `    ${s.sentence}`)];
}
