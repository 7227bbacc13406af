// The settings of a comparison with a baseline run (`verify --baseline FILE`, `token-suite compare OLD NEW`): the
// tolerances a change must exceed, beyond the runs' own noise, to be a regression (docs/baseline.md).
import { decimal, integer, text, type Setting } from './setting.ts';

const setting = <T>(s: Setting<T>) => s;

/** The tolerances, shared by verify and compare. */
export const TOLERANCE_SETTINGS = {
  latencyTolerance: setting({
    flag: 'max-latency-increase',
    env: 'TOKEN_SUITE_BASELINE_LATENCY',
    placeholder: 'PCT',
    fallback: 25,
    help: 'baseline: a p50 or p95 latency more than this % above the baseline, beyond noise, is a regression (BASE-01)',
    parse: decimal(0, 10_000),
  }),
  throughputTolerance: setting({
    flag: 'max-throughput-decrease',
    env: 'TOKEN_SUITE_BASELINE_THROUGHPUT',
    placeholder: 'PCT',
    fallback: 20,
    help: 'baseline: a throughput more than this % below the baseline, beyond noise, is a regression (BASE-02)',
    parse: decimal(0, 99),
  }),
  errorRateTolerance: setting({
    flag: 'max-error-rate-increase',
    env: 'TOKEN_SUITE_BASELINE_ERROR_RATE',
    placeholder: 'PP',
    fallback: 0,
    help: 'baseline: an error rate more than this many % points above the baseline, beyond noise, fails BASE-04',
    parse: decimal(0, 100),
  }),
};

/** What verify adds: the baseline file, and how long to wait for a server that is still starting. */
export const BASELINE_SETTINGS = {
  baseline: setting<string | undefined>({
    flag: 'baseline',
    env: 'TOKEN_SUITE_BASELINE',
    placeholder: 'FILE',
    fallback: undefined,
    help: "an earlier run's summary.json: compare this run with it, and fail on a regression (BASE-*)",
    parse: text,
  }),
  ...TOLERANCE_SETTINGS,
  waitForSeconds: setting({
    flag: 'wait-for',
    env: 'TOKEN_SUITE_WAIT_FOR',
    placeholder: 'S',
    fallback: 0,
    help: 'retry the preflight for up to S seconds while the server does not answer yet (a server starting in CI)',
    parse: integer(0, 3600),
  }),
};
