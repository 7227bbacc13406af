// The slow files whose verdicts no timing decides: three at a time, before the timed ones
// (.mocharc.timed.cjs, which leaves these out) and never beside them, so no load measurement that is judged
// on time shares the machine with them. npm run test:full runs this, then that.
// A file belongs here only when nothing it asserts is judged on time: not LOAD-02 or LOAD-06 (it may accept
// them inconclusive, never require a pass or a fail), no latency or A/A comparison, and every deadline it
// waits on is a hang bound with 3x margin or more. Two kinds:
// - files that mostly wait and run no load (rate limiters' Retry-After, hung requests run to their deadline,
//   CLI runs that stop at exit 2, serve, the action);
// - load files judged on what the server did (rotation, races, unique tokens, answers lost, a runner killed,
//   thresholds with 1 s of latency headroom) or on minimums met by extension,
//   which a crowded machine only delays.
// The longest first, so the three workers end together.
const UNTIMED = [
  'load/k6/runners-killed.slow.test.ts',
  'verify/guarded-targets.slow.test.ts',
  'testing/kill-matrix/k6-column.slow.test.ts',
  'load/broken-servers.slow.test.ts',
  'load/throttling.slow.test.ts',
  'load/minimums.slow.test.ts',
  'load/rotation-evidence.slow.test.ts',
  'load/k6/bundles.slow.test.ts',
  'load/k6/runners.slow.test.ts',
  'verify/tls.slow.test.ts',
  'testing/kill-matrix/kill-matrix-without-load.slow.test.ts',
  'verify/faults.slow.test.ts',
  'verify/hostile-targets.slow.test.ts',
  'load/node/tls.slow.test.ts',
  'load/k6/engine-behaviour.slow.test.ts',
  'verify/cannot-run.slow.test.ts',
  'verify/verify.slow.test.ts',
  'cli/main.slow.test.ts',
  'cli/serve.slow.test.ts',
  'examples/ci/action.slow.test.ts',
];

module.exports = {
  'node-option': ['import=tsx'],
  spec: UNTIMED,
  parallel: true,
  jobs: 3,
  timeout: 30000,
  reporter: './scripts/mocha-reporter.cjs',
  'reporter-option': ['slowest=10'],
  UNTIMED,
};
