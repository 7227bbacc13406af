// What every entry shares: options, the per-VU ledger and metrics, and one iteration.
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import type { Flow, FlowContext } from '../../flows/flow.ts';
import { RotationLedger, VIOLATIONS, type Violation } from '../../flows/rotation.ts';
import { runFlow } from './drive.ts';
import { scenarioFor } from './profiles.ts';
import { settings } from './settings.ts';
import { metricName, thresholdsFor } from './thresholds.ts';

export function optionsFor(name: string): Options {
  return {
    scenarios: { [name]: scenarioFor(settings) },
    thresholds: thresholdsFor(settings),
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
  };
}

// Per-VU state: each VU has its own JS runtime, so nothing is shared across VUs or instances.
const counters = {} as Record<Violation, Counter>;
for (const violation of VIOLATIONS) counters[violation] = new Counter(metricName(violation));
const tallies = {
  rotations: new Counter('rotation_rotations'),
  replays: new Counter('rotation_replays'),
  races: new Counter('rotation_races'),
};
const ledger = new RotationLedger({ graceSeconds: settings.flows.graceSeconds }, (violation) =>
  counters[violation].add(1),
);

/** One iteration: builds the flow for this VU's user and runs it. */
export function iterate(create: (context: FlowContext) => Flow): void {
  for (const violation of VIOLATIONS) counters[violation].add(0);
  const users = settings.flows.users;
  const context: FlowContext = {
    credentials: users[(exec.vu.idInTest - 1) % users.length] as FlowContext['credentials'],
    format: settings.flows.format,
    chainLength: settings.flows.chainLength,
    raceWidth: settings.flows.raceWidth,
    ledger,
    observer: { check: (name, ok) => void check(ok, { [name]: (passed) => passed }) },
  };
  const before = { ...ledger.counters };
  runFlow(create(context), settings.flows.baseUrl);
  for (const key of ['rotations', 'replays', 'races'] as const) tallies[key].add(ledger.counters[key] - before[key]);
}
