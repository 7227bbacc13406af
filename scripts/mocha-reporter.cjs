// mocha's spec reporter, plus the closing line CI reads: "N passed, N failed, N skipped", and with
// --reporter-option slowest=N (the full run sets it) the N slowest tests and the N slowest files (their
// tests' time summed) before it. Works with --parallel:
// the tests' durations and files travel with the events each worker sends back.
const { reporters, Runner } = require('mocha');
const { relative } = require('node:path');

class SpecWithTotals extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const slowest = Number((options && options.reporterOption && options.reporterOption.slowest) || 0);
    const timed = [];
    const record = (test) => timed.push({ ms: test.duration || 0, title: test.fullTitle(), file: test.file });
    if (slowest > 0) {
      runner.on(Runner.constants.EVENT_TEST_PASS, record);
      runner.on(Runner.constants.EVENT_TEST_FAIL, record);
    }
    runner.once(Runner.constants.EVENT_RUN_END, () => {
      if (slowest > 0) process.stdout.write(slowestTests(timed, slowest) + slowestFiles(timed, slowest));
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(`\ntests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

function slowestTests(timed, count) {
  const top = [...timed].sort((a, b) => b.ms - a.ms).slice(0, count);
  const lines = top.map((t) => {
    const seconds = (t.ms / 1000).toFixed(1).padStart(6);
    const where = t.file ? ` (${relative(process.cwd(), t.file)})` : '';
    return `  ${seconds} s  ${t.title}${where}`;
  });
  return `\nslowest ${top.length} tests (each test's own time, hooks not counted):\n${lines.join('\n')}\n`;
}

function slowestFiles(timed, count) {
  const byFile = new Map();
  for (const t of timed) {
    const file = t.file ? relative(process.cwd(), t.file) : '(no file)';
    const sum = byFile.get(file) || { ms: 0, tests: 0 };
    byFile.set(file, { ms: sum.ms + t.ms, tests: sum.tests + 1 });
  }
  const top = [...byFile].sort((a, b) => b[1].ms - a[1].ms).slice(0, count);
  const total = timed.reduce((sum, t) => sum + t.ms, 0);
  const lines = top.map(([file, f]) => `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${file} (${f.tests} tests)`);
  return (
    `\nslowest ${top.length} files (their tests' time summed, of ${(total / 1000).toFixed(0)} s in all):\n` +
    `${lines.join('\n')}\n`
  );
}

module.exports = SpecWithTotals;
