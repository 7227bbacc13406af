// The slow set (npm run test:full): every *.slow.test.ts, in parallel (most of their time is waiting on
// real servers, k6 processes and timed loads, not CPU). Parallel mocha hands files to its workers in order,
// so the files that take longest (measured serially: seconds in the comments) go first and the short ones
// fill in behind; any other slow file, a new one included, follows by name. `--jobs 1` runs them serially.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const LONGEST = [
  'load/k6/runners.slow.test.ts', // ~250 s
  'testing/kill-matrix/k6-column.slow.test.ts', // ~200 s
  'load/k6/runners-killed.slow.test.ts', // ~165 s
  'testing/kill-matrix/kill-matrix.slow.test.ts', // 151 s
  'verify/guarded-targets.slow.test.ts', // 141 s
  'load/broken-servers.slow.test.ts', // 137 s
  'load/k6/engine.slow.test.ts', // 130 s
  'load/k6/bundles.slow.test.ts', // 126 s
  'load/minimums.slow.test.ts', // 107 s
  'baseline/compare.slow.test.ts', // 105 s
];

/** Every *.slow.test.ts under `dir`, but in node_modules and dot folders. */
function slowFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : slowFiles(path);
    return entry.name.endsWith('.slow.test.ts') ? [path] : [];
  });
}

const all = slowFiles('.').sort();
module.exports = {
  'node-option': ['import=tsx'],
  spec: [...LONGEST.filter((file) => all.includes(file)), ...all.filter((file) => !LONGEST.includes(file))],
  parallel: true,
  jobs: 3,
  timeout: 30000,
  reporter: './scripts/mocha-reporter.cjs',
  'reporter-option': ['slowest=15'],
};
