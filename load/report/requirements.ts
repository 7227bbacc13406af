// The load requirements of the verdict, judged from a LoadReport.
import type { RequirementResult, Status } from '../../verify/types.ts';
import type { LoadReport } from './load-report.ts';

type Requirement = Omit<RequirementResult, 'layer'>;
const percent = (n: number) => `${Math.round(n * 10000) / 100}%`;

export function loadRequirements(report: LoadReport): RequirementResult[] {
  const t = report.thresholds;
  const v = report.rotation.violations;
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
      evidence: (['token', 'refresh'] as const).map(
        (e) =>
          `${e}: p50 ${report.endpoints[e].latency_ms.p50} ms, p95 ${report.endpoints[e].latency_ms.p95} ms, p99 ${report.endpoints[e].latency_ms.p99} ms over ${report.endpoints[e].requests} requests`,
      ),
    },
    {
      id: 'LOAD-03',
      level: 'MUST',
      source: 'docs; RFC 9700 §4.14.2',
      title: 'Refresh rotation holds under load: a replayed refresh token is rejected',
      status: report.rotation.replays === 0 ? 'inconclusive' : status(v.replay_accepted === 0),
      evidence: [
        `${report.rotation.rotations} rotations, ${report.rotation.replays} replays: ${v.replay_accepted} replays accepted`,
        ...grace(report),
      ],
    },
    {
      id: 'LOAD-07',
      level: 'SHOULD',
      source: 'RFC 9700 §4.14.2',
      title: 'Reuse detection holds under load: after a replay the newest token of the family is revoked',
      status: report.rotation.replays === 0 ? 'inconclusive' : status(v.family_survived_replay === 0, 'warn'),
      evidence: [`${report.rotation.replays} replays: ${v.family_survived_replay} families survived one`],
    },
    {
      id: 'LOAD-04',
      level: 'MUST',
      source: 'docs; RFC 9700 §4.14.2',
      title: 'Refresh rotation holds under load: of concurrent refreshes of one token exactly one wins',
      status: report.rotation.races === 0 ? 'inconclusive' : status(v.race_double_win === 0),
      evidence: [`${report.rotation.races} races: ${v.race_double_win} with more than one winner`, ...grace(report)],
    },
    {
      id: 'LOAD-05',
      level: 'MUST',
      source: 'RFC 6749 §10.10',
      title: 'Under load every issued token is new (no token collisions)',
      status: status(v.token_collision === 0),
      evidence: [`${v.token_collision} collisions among issued tokens`],
    },
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

function grace(report: LoadReport): string[] {
  return report.rotation.accepted_in_grace > 0
    ? [`${report.rotation.accepted_in_grace} acceptances within the declared grace period (allowed)`]
    : [];
}
