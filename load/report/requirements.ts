// The load requirements of the verdict, judged from a LoadReport.
import type { RequirementResult, Status } from '../../verify/types.ts';
import type { LoadReport } from './load-report.ts';
import { rotationRequirements } from './rotation-requirements.ts';

type Requirement = Omit<RequirementResult, 'layer'>;
const percent = (n: number) => `${Math.round(n * 10000) / 100}%`;

export function loadRequirements(report: LoadReport): RequirementResult[] {
  const t = report.thresholds;
  const d = report.degradation;
  const checkTotals = Object.values(report.checks).reduce(
    (s, c) => ({ passes: s.passes + c.passes, fails: s.fails + c.fails }),
    { passes: 0, fails: 0 },
  );
  const checkFailRate = checkTotals.fails / Math.max(1, checkTotals.passes + checkTotals.fails);
  const ran = report.requests > 0;
  const status = (ok: boolean, level: 'fail' | 'warn' = 'fail'): Status =>
    !ran ? 'inconclusive' : ok ? 'pass' : level;
  const failedChecks = Object.entries(report.checks)
    .filter(([, c]) => c.fails > 0)
    .map(([name, c]) => `check failed ${c.fails}×: ${name}`);
  const list: Requirement[] = [
    {
      id: 'LOAD-01',
      level: 'MUST',
      source: 'suite',
      title: `Under load the target answers as expected (unexpected answers and failed checks ≤ ${percent(t.maxErrorRate)})`,
      status: status(report.error_rate <= t.maxErrorRate && checkFailRate <= t.maxErrorRate),
      evidence: [
        `${report.requests} requests in ${report.duration_s} s (${report.rps} req/s), ${report.errors} unexpected (${percent(report.error_rate)})`,
        `checks: ${checkTotals.passes} passed, ${checkTotals.fails} failed`,
        ...failedChecks,
      ],
    },
    {
      id: 'LOAD-02',
      level: 'MUST',
      source: 'suite',
      title: `Under load p95 latency stays within thresholds (token ≤ ${t.p95TokenMs} ms, refresh ≤ ${t.p95RefreshMs} ms)`,
      status: status(
        report.endpoints.token.latency_ms.p95 <= t.p95TokenMs &&
          report.endpoints.refresh.latency_ms.p95 <= t.p95RefreshMs,
      ),
      evidence: [
        ...(['token', 'refresh'] as const).map(
          (e) =>
            `${e}: p50 ${report.endpoints[e].latency_ms.p50} ms, p95 ${report.endpoints[e].latency_ms.p95} ms, p99 ${report.endpoints[e].latency_ms.p99} ms over ${report.endpoints[e].requests} requests`,
        ),
        ...(report.model ? [report.model.description] : []),
        ...clientEvidence(report),
      ],
    },
    ...rotationRequirements(report, status),
    uniqueness(report, status),
    {
      id: 'LOAD-06',
      level: 'MUST',
      source: 'suite',
      title: `No degradation: in the last fifth of the run, p95 ≤ ${t.degradationFactor}× (+${t.degradationSlackMs} ms) and throughput ≥ 1/${t.degradationFactor} of the first fifth`,
      status:
        d === null
          ? 'inconclusive'
          : status(
              d.last_p95_ms <= d.first_p95_ms * t.degradationFactor + t.degradationSlackMs &&
                (d.rps_ratio === null || d.rps_ratio * t.degradationFactor >= 1),
            ),
      evidence: d
        ? [
            `p95 ${d.first_p95_ms} ms at the start, ${d.last_p95_ms} ms at the end (×${d.ratio})`,
            d.rps_ratio === null
              ? 'throughput not compared: the load was not steady'
              : `throughput ${d.first_rps} req/s at the start, ${d.last_rps} req/s at the end (×${d.rps_ratio})`,
            ...clientEvidence(report),
          ]
        : ['no time series (run shorter than 2 s, or the engine gives none)'],
    },
  ];
  return list.map((r) => ({
    ...r,
    evidence: ran ? r.evidence : ['no requests were made', ...r.evidence],
    layer: 'load',
  }));
}

/** LOAD-05: what the uniqueness check guarantees, from what the engine says it compared. */
function uniqueness(report: LoadReport, status: (ok: boolean) => Status): Requirement {
  const collisions = report.rotation.violations.token_collision;
  const u = report.uniqueness;
  const base = { id: 'LOAD-05', level: 'MUST' as const, source: 'RFC 6749 §10.10' };
  if (!u)
    return {
      ...base,
      title: 'Under load every issued token is new (no token collisions)',
      status: status(collisions === 0),
      evidence: [`${collisions} collisions among issued tokens`],
    };
  const n = (x: number) => x.toLocaleString('en-US');
  const beyond = u.checked - u.remembered;
  return {
    ...base,
    title: `Under load every issued token is new: each of the first ${n(u.capacity)} compared exactly (by 64-bit digest) with every earlier one`,
    status: u.checked === 0 ? 'inconclusive' : status(collisions === 0),
    evidence: [
      `${n(u.checked)} issued tokens checked: ${collisions} collisions`,
      `${n(u.remembered)} compared with every earlier one (capacity ${n(u.capacity)} tokens in ${Math.round(u.memoryBytes / 2 ** 20)} MiB)`,
      ...(beyond > 0
        ? [`${n(beyond)} issued past the capacity, each compared with those first ${n(u.remembered)} only`]
        : []),
      `two different tokens share a digest with probability ~n²/2^65 (${(u.remembered ** 2 / 2 ** 65).toExponential(1)} here)`,
    ],
  };
}

function clientEvidence(report: LoadReport): string[] {
  const c = report.client;
  if (!c) return [];
  const busy = c.thread_busy.map((b) => (b === null ? '?' : `${Math.round(b * 100)}%`)).join(', ');
  const figures = `client: ${c.workers} worker(s) busy ${busy}, event-loop delay p99 ${c.event_loop_delay_ms.p99} ms`;
  return [c.starved ? `${figures}; the client was a limit: ${c.reasons.join('; ')}` : figures];
}
