// What every entry shares: options, the per-VU ledger and metrics, and one iteration.
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import type { TokenPair } from '../../../flows/checks.ts';
import type { Flow, FlowContext } from '../../../flows/flow.ts';
import { RotationLedger, TALLIES, VIOLATIONS, type Tally, type Violation } from '../../../flows/rotation.ts';
import { CollectorBatch } from './collector.ts';
import { runFlow, type AnswerVerdict } from './drive.ts';
import type { Endpoint } from '../../../flows/requests.ts';
import { scenarioFor } from './profiles.ts';
import { settings } from './settings.ts';
import { metricName, thresholdsFor } from './thresholds.ts';

export function optionsFor(name: string): Options {
  return {
    scenarios: { [name]: scenarioFor(settings) },
    thresholds: thresholdsFor(settings),
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
    ...tlsOptions(),
  };
}

/** --insecure and a client certificate (k6 trusts the CAs of SSL_CERT_FILE, which verify sets). */
function tlsOptions(): Options {
  const host = /^https?:\/\/([^/:]+|\[[^\]]+\])/.exec(settings.flows.baseUrl)?.[1] ?? '';
  const { clientCertFile: certFile, clientKeyFile: keyFile } = settings;
  return {
    ...(settings.insecure ? { insecureSkipTLSVerify: true } : {}),
    ...(certFile && keyFile ? { tlsAuth: [{ domains: [host], cert: open(certFile), key: open(keyFile) }] } : {}),
  };
}

// Per-VU state: each VU has its own JS runtime, so this ledger sees only this VU's tokens. Across VUs,
// token collisions are found by the suite's collector when `verify` runs k6 (see collector.ts).
const counters = {} as Record<Violation, Counter>;
for (const violation of VIOLATIONS) counters[violation] = new Counter(metricName(violation));
// One Counter per tally (rotation_replays, rotation_replays_outside_grace, ...), added every iteration
// (0 included), so each is in the summary and a missing one means a broken summary, not a count of 0.
const tallies = {} as Record<Tally, Counter>;
for (const key of TALLIES) tallies[key] = new Counter(`rotation_${key}`);
/** Flows a throttled answer ended (open model; a race in either), and throttled answers, by endpoint. */
const flowsThrottled = new Counter('flows_throttled');
const throttledAnswers = new Counter('throttled_answers');
/** The arrival-rate profiles are the open model: a throttled flow ends there; with fixed VUs it waits. */
const OPEN_MODEL = ['load', 'stress', 'soak'].indexOf(settings.profile) >= 0;

/** The VU's ledger, which also hands every issued token to the current iteration's collector batch. */
class ReportingLedger extends RotationLedger {
  batch: CollectorBatch | null = null;
  override issued(pair: TokenPair): void {
    super.issued(pair);
    this.batch?.issued(pair.token);
    this.batch?.issued(pair.refreshToken);
  }
}
const ledger = new ReportingLedger({ graceSeconds: settings.flows.graceSeconds }, (violation) =>
  counters[violation].add(1),
);

/** One iteration: builds the flow for this VU's user and runs it. */
export function iterate(create: (context: FlowContext) => Flow): void {
  const batch = new CollectorBatch(settings.collectorUrl);
  for (const violation of VIOLATIONS) counters[violation].add(0);
  const users = settings.flows.users;
  const context: FlowContext = {
    credentials: users[(exec.vu.idInTest - 1) % users.length] as FlowContext['credentials'],
    format: settings.flows.format,
    chainLength: settings.flows.chainLength,
    raceWidth: settings.flows.raceWidth,
    retryThrottled: !OPEN_MODEL,
    ledger,
    observer: {
      check: (name, ok) => {
        batch.checked(name, ok);
        check(ok, { [name]: (passed) => passed });
      },
    },
  };
  const before = { ...ledger.counters, violations: { ...ledger.counters.violations } };
  ledger.batch = batch;
  const flow = create(context);
  flowsThrottled.add(0);
  try {
    const onAnswer = (endpoint: Endpoint, ms: number, verdict: AnswerVerdict) => {
      if (verdict > 1) throttledAnswers.add(1, { endpoint, status: String(verdict) });
      batch.answered(endpoint, ms, verdict);
    };
    runFlow(flow, settings.flows.baseUrl, onAnswer, !OPEN_MODEL);
  } finally {
    if (flow.throttled) flowsThrottled.add(1);
    ledger.batch = null;
    for (const key of TALLIES) tallies[key].add(ledger.counters[key] - before[key]);
    batch.counted(
      TALLIES.map((key) => ledger.counters[key] - before[key]),
      VIOLATIONS.map((v) => ledger.counters.violations[v] - before.violations[v]),
    );
    batch.flush(exec.vu.idInTest);
  }
}
