// The slow set (npm run test:full): every *.slow.test.ts, found by walking the tree (a new one is never left
// out), but the files that only wait (.mocharc.waiting.cjs runs those first, three at a time), one after
// another: about 13 min on 2 shared cores (a fresh clone, 2026-12-03; 20 min earlier that day with the waiting
// files, 25 before k6 v0.49 got CommonJS bundles). On more cores, `npm run test:full --
// --parallel --jobs 3` runs three at a time, the longest first (on 2 shared cores, three at a time took 15
// min instead of ~30 and four tests failed on contention: LOAD-06's busy-machine guard, an A/A baseline pair,
// a hang bound; so serial is the default).
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { UNTIMED } = require('./.mocharc.untimed.cjs');

const LONGEST = [
  'baseline/compare.slow.test.ts',
  'testing/kill-matrix/kill-matrix.slow.test.ts',
  'load/report/overload.slow.test.ts',
  'testing/kill-matrix/k6-column.slow.test.ts',
  'verify/tls.slow.test.ts',
];

/** Every *.slow.test.ts under `dir`, but in node_modules and dot folders. */
function slowFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : slowFiles(path);
    return entry.name.endsWith('.slow.test.ts') ? [path] : [];
  });
}

const all = slowFiles('.')
  .sort()
  .filter((file) => !UNTIMED.includes(file));
module.exports = {
  'node-option': ['import=tsx'],
  spec: [...LONGEST.filter((file) => all.includes(file)), ...all.filter((file) => !LONGEST.includes(file))],
  timeout: 30000,
  reporter: './scripts/mocha-reporter.cjs',
  'reporter-option': ['slowest=15'],
};
