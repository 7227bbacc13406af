// The slow files judged on time (npm run test:full, after .mocharc.untimed.cjs): every *.slow.test.ts, found by
// walking the tree (a new one is never left out, and lands here until it is shown untimed), but the untimed
// ones, one after another with nothing beside them: LOAD-06 tells a server that slowed from a neighbour that
// arrived, and an A/A baseline pair or a p99 against a stall is only as good as the machine is steady. On
// more cores, `npm run test:full -- --parallel --jobs 3` runs three at a time, the longest first (on 2
// shared cores, three at a time failed four tests on contention: LOAD-06's busy-machine guard, an A/A
// baseline pair, a hang bound; so one at a time is the default).
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { UNTIMED } = require('./.mocharc.untimed.cjs');

const LONGEST = [
  'baseline/compare.slow.test.ts',
  'testing/kill-matrix/kill-matrix.slow.test.ts',
  'load/report/overload.slow.test.ts',
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
