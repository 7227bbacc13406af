// The slow files that mostly wait (rate limiters' Retry-After, hung requests run to their deadline, CLI runs
// that stop at exit 2) and run no load: three at a time, before the rest of the slow set and never beside it,
// so no load measurement shares the machine with them (npm run test:full runs this, then .mocharc.slow.cjs,
// which leaves these out). A file belongs here only when it runs no load layer and judges no latency: its
// deadlines are hang bounds with 3x margin or more. About 80 s instead of 200 one after another.
const WAITING = [
  'verify/guarded-targets.slow.test.ts',
  'verify/faults.slow.test.ts',
  'verify/hostile-targets.slow.test.ts',
  'verify/cannot-run.slow.test.ts',
  'verify/verify.slow.test.ts',
  'cli/main.slow.test.ts',
  'cli/serve.slow.test.ts',
  'examples/ci/action.slow.test.ts',
];

module.exports = {
  'node-option': ['import=tsx'],
  spec: WAITING,
  parallel: true,
  jobs: 3,
  timeout: 30000,
  reporter: './scripts/mocha-reporter.cjs',
  'reporter-option': ['slowest=10'],
  WAITING,
};
