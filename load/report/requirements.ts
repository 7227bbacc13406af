// The load requirements of the verdict, judged from a LoadReport. Throttled answers (429, 503 with
// Retry-After) are set aside: every figure here is of the other answers (throttling.ts says what a large
// share of them means).
import type { RequirementResult, Status } from '../../verdict/types.ts';
import { MIN_ANSWERS, MIN_WINDOWS_PER_THIRD } from './degradation.ts';
import type { LoadReport } from './load-report.ts';
import { MIN_ANSWERS_LOAD_01, MIN_ANSWERS_PER_ENDPOINT, MIN_CHECKS_LOAD_01, MIN_TOKENS_LOAD_05 } from './minimums.ts';
import { neededLines } from './needed-lines.ts';
import { rotationRequirements } from './rotation-requirements.ts';
import { withThrottling } from './throttling.ts';

type Requirement = Omit<RequirementResult, 'layer'>;
const percent = (n: number) => `${Math.round(n * 10000) / 100}%`;

export function loadRequirements(report: LoadReport): RequirementResult[] {
  const t = report.thresholds;
  const checkTotals = Object.values(report.checks).reduce(
    (s, c) => ({ passes: s.passes + c.passes, fails: s.fails + c.fails }),
    { passes: 0, fails: 0 },
  );
  const checksRun = checkTotals.passes + checkTotals.fails;
  const alive = report.liveness?.ok !== false;
  const livenessUnjudged = report.liveness?.ok === null;
  const checkFailRate = checkTotals.fails / Math.max(1, checksRun);
  const ran = report.requests > 0;
  const status = (ok: boolean, level: 'fail' | 'warn' = 'fail'): Status =>
    !ran ? 'inconclusive' : ok ? 'pass' : level;
  const failed = report.failures ? Object.values(report.failures).reduce((a, b) => a + b, 0) : 0;
  const answered = report.requests - failed - (report.throttled?.answers ?? 0);
  const failedChecks = Object.entries(report.checks)
    .filter(([, c]) => c.fails > 0)
    .map(([name, c]) => `check failed ${c.fails}×: ${name}`);
  const maxErrors = percent(t.maxErrorRate);
  const list: Requirement[] = [
    {
      id: 'LOAD-01',
      level: 'MUST',
      source: 'suite',
      title:
        `Under load the target answers as expected (unexpected answers and failed checks ≤ ${maxErrors}), ` +
        'and after it still issues and refreshes a pair',
      minimum:
        `${MIN_ANSWERS_LOAD_01} answered requests and ${MIN_CHECKS_LOAD_01} checks of their answers ` +
        `(an error rate of ${maxErrors} means nothing on fewer)`,
      status:
        (answered < MIN_ANSWERS_LOAD_01 ||
          checksRun < MIN_CHECKS_LOAD_01 ||
          report.counters_missing ||
          livenessUnjudged) &&
        report.errors === 0 &&
        !checkTotals.fails &&
        alive
          ? 'inconclusive'
          : status(report.error_rate <= t.maxErrorRate && checkFailRate <= t.maxErrorRate && alive),
      evidence: [
        ...(answered < MIN_ANSWERS_LOAD_01
          ? [`MISSING: ${answered} answered requests (not throttled), ${MIN_ANSWERS_LOAD_01} needed`]
          : []),
        ...(checksRun < MIN_CHECKS_LOAD_01
          ? [`MISSING: ${checksRun} checks of the answers ran, ${MIN_CHECKS_LOAD_01} needed`]
          : []),
        ...(report.counters_missing
          ? [`MISSING: k6's summary lacks ${report.counters_missing.join(', ')}: iterations cut off are unknown`]
          : []),
        ...(report.abandoned
          ? [`${report.abandoned} requests still unanswered when the load and its grace (--timeout) had ended: failed`]
          : []),
        `${report.requests} requests in ${report.duration_s} s (${report.rps} req/s), ` +
          `${report.errors} unexpected (${percent(report.error_rate)})`,
        `checks: ${checkTotals.passes} passed, ${checkTotals.fails} failed`,
        ...failedChecks,
        ...(report.liveness ? [livenessLine(report.liveness)] : []),
      ],
    },
    {
      id: 'LOAD-02',
      level: 'MUST',
      source: 'suite',
      title:
        'Under load p95 latency stays within thresholds ' +
        `(token ≤ ${t.p95TokenMs} ms, refresh ≤ ${t.p95RefreshMs} ms)`,
      minimum: `${MIN_ANSWERS_PER_ENDPOINT} answers per endpoint (on fewer, a p95 is one of the slowest few)`,
      ...latencyStatus(report, status),
      evidence: [
        ...tooFewPerEndpoint(report),
        ...starvedLatency(report),
        ...(['token', 'refresh'] as const).map((e) => {
          const { latency_ms: ms, requests, throttled = 0 } = report.endpoints[e];
          const excluded = throttled > 0 ? ` (${throttled} throttled answers excluded)` : '';
          const over = `over ${requests - throttled} requests${excluded}`;
          return `${e}: p50 ${ms.p50} ms, p95 ${ms.p95} ms, p99 ${ms.p99} ms ${over}`;
        }),
        ...(report.model ? [report.model.description] : []),
        ...(report.overload ? [report.overload.summary] : []),
        ...clientEvidence(report),
      ],
    },
    ...rotationRequirements(report, status),
    uniqueness(report, status),
    noDegradation(report, ran),
  ];
  return withThrottling(list, report.throttled).map((r) => ({
    ...r,
    evidence: [
      ...(ran ? r.evidence : ['MISSING: no requests were made', ...r.evidence]),
      // Short of its minimum: how long a run at this server's speed would need.
      ...(r.status === 'inconclusive' ? neededLines(report, r.id) : []),
    ],
    layer: 'load',
  }));
}

/** LOAD-05's MISSING line when `compared` tokens are too few to pass on (both engines), else null. */
export function tooFewTokens(compared: number): string | null {
  if (compared >= MIN_TOKENS_LOAD_05) return null;
  return `MISSING: ${compared.toLocaleString('en-US')} issued tokens compared, ${MIN_TOKENS_LOAD_05} needed`;
}

/** LOAD-02: a p95 over the threshold measured through a starved client is not the server's failure. */
function latencyStatus(report: LoadReport, status: (ok: boolean) => Status): { status: Status } {
  const t = report.thresholds;
  const few = (['token', 'refresh'] as const).some((e) => judgedAnswers(report, e) < MIN_ANSWERS_PER_ENDPOINT);
  const within =
    report.endpoints.token.latency_ms.p95 <= t.p95TokenMs && report.endpoints.refresh.latency_ms.p95 <= t.p95RefreshMs;
  if (within && !few) return { status: status(true) };
  if (!within && !report.client?.latency_suspect) return { status: status(false) };
  return { status: 'inconclusive' };
}

function starvedLatency(report: LoadReport): string[] {
  const t = report.thresholds;
  const over =
    report.endpoints.token.latency_ms.p95 > t.p95TokenMs || report.endpoints.refresh.latency_ms.p95 > t.p95RefreshMs;
  return over && report.client?.latency_suspect
    ? ["MISSING: a p95 is over its threshold while the client was a limit: the wait may be the client's own"]
    : [];
}

/** An endpoint's requests that were not throttled. */
const judgedAnswers = (report: LoadReport, e: 'token' | 'refresh') =>
  report.endpoints[e].requests - (report.endpoints[e].throttled ?? 0);

function tooFewPerEndpoint(report: LoadReport): string[] {
  return (['token', 'refresh'] as const)
    .filter((e) => judgedAnswers(report, e) < MIN_ANSWERS_PER_ENDPOINT)
    .map((e) => `MISSING: ${judgedAnswers(report, e)} ${e} answers, ${MIN_ANSWERS_PER_ENDPOINT} needed for a p95`);
}

/** LOAD-06 from the windowed comparison (degradation.ts); a starved client makes a failure inconclusive. */
function noDegradation(report: LoadReport, ran: boolean): Requirement {
  const t = report.thresholds;
  const d = report.degradation;
  const starved = report.client?.latency_suspect === true && d.starved_third !== true;
  const judged = !ran ? 'inconclusive' : d.judgement === 'fail' && starved ? 'inconclusive' : d.judgement;
  const window = `windows of ${d.window_ms} ms`;
  return {
    id: 'LOAD-06',
    level: 'MUST',
    source: 'suite',
    title:
      `No degradation: over the last third of the run, the median window p95 and p50 stay within ` +
      `${t.degradationFactor}× the first third's (+${t.degradationSlackMs} ms, or 3 noise widths); a last third ` +
      "starved of answers, a tail far beyond the noise (5× the first third at the last third's load), or a p95 or " +
      'p50 up by the factor and rising steadily in time, fails',
    minimum:
      `${MIN_WINDOWS_PER_THIRD} windows with ${MIN_ANSWERS}+ answers in each third ` +
      '(one slow window proves nothing)',
    status: judged === 'fail' ? 'fail' : judged,
    evidence: [
      ...(d.judgement === 'inconclusive' ? d.reasons.map((r) => `MISSING: ${r}`) : []),
      ...(d.judgement === 'fail' ? d.reasons.map((r) => `FAILED: ${r}`) : []),
      ...(d.judgement === 'pass' && d.overloaded ? d.reasons : []),
      `p95 (median of ${window}): ${d.first_p95_ms} ms in the first third, ` +
        `${d.last_p95_ms} ms in the last (×${d.ratio}); ` +
        `bar ${d.bar_ms} ms, noise ±${d.noise_ms} ms, ${d.slow_windows} of ${d.counted.last} last windows above it`,
      ...(d.p50
        ? [
            `p50 (median of ${window}): ${d.p50.first_ms} ms first, ${d.p50.last_ms} ms last; ` +
              `bar ${d.p50.bar_ms} ms, noise ±${d.p50.noise_ms} ms`,
          ]
        : []),
      `the rest of the machine (other processes, kernel work) wanted ${d.others_cores.first ?? '?'} cores in the ` +
        `first third, ${d.others_cores.last ?? '?'} in the last; contention stretched the run's own CPU work ` +
        `×${d.stretch.first ?? '?'} in the first third, ×${d.stretch.last ?? '?'} in the last`,
      d.rps_ratio === null
        ? 'throughput not compared: the load was not steady (open model or arrival rate)'
        : `throughput (median of ${window}): ${d.first_rps} req/s first, ${d.last_rps} req/s last (×${d.rps_ratio})` +
          (d.rps_bar !== null && d.last_rps < d.rps_bar ? `, below ${d.rps_bar} req/s (shown, not judged)` : ''),
      ...(d.judgement === 'fail' && starved ? ['MISSING: the client was a limit, so the slowdown may be its own'] : []),
      ...clientEvidence(report),
    ],
  };
}

/** LOAD-05: what the uniqueness check guarantees, from what the engine says it compared. */
function uniqueness(report: LoadReport, status: (ok: boolean) => Status): Requirement {
  const collisions = report.rotation.violations.token_collision;
  const u = report.uniqueness;
  const minimum = `${MIN_TOKENS_LOAD_05} issued tokens compared`;
  const base = { id: 'LOAD-05', level: 'MUST' as const, source: 'RFC 6749 §10.10', minimum };
  // k6: the token count is the collector's (load/k6/outcome.ts judges it against the minimum).
  if (!u)
    return {
      ...base,
      title: 'Under load every issued token is new (no token collisions)',
      status: status(collisions === 0),
      evidence: [`${collisions} collisions among issued tokens`],
    };
  const few = collisions === 0 ? tooFewTokens(u.checked) : null;
  const n = (x: number) => x.toLocaleString('en-US');
  const beyond = u.checked - u.remembered;
  return {
    ...base,
    title:
      `Under load every issued token is new: each of the first ${n(u.capacity)} ` +
      'compared exactly (by 64-bit digest) with every earlier one',
    status: few ? 'inconclusive' : status(collisions === 0),
    evidence: [
      ...(few ? [few] : []),
      `${n(u.checked)} issued tokens checked: ${collisions} collisions`,
      `${n(u.remembered)} compared with every earlier one ` +
        `(capacity ${n(u.capacity)} tokens in ${Math.round(u.memoryBytes / 2 ** 20)} MiB)`,
      ...(beyond > 0
        ? [`${n(beyond)} issued past the capacity, each compared with those first ${n(u.remembered)} only`]
        : []),
      'two different tokens share a digest with probability ~n²/2^65 ' +
        `(${(u.remembered ** 2 / 2 ** 65).toExponential(1)} here)`,
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

function livenessLine({ ok, detail }: NonNullable<LoadReport['liveness']>): string {
  if (ok === null) return `MISSING: ${detail}`;
  return ok ? detail : `FAILED: ${detail}`;
}
