// What a load requirement short of its minimum adds to its evidence: which minimum, at what rate it came, and
// the run that would give it (summary.json's load.minimums, minimums-report.ts).
import type { LoadReport } from './load-report.ts';

/** The lines a requirement short of its minimum adds to its evidence: its shortfalls, and the run that would do. */
export function neededLines(report: LoadReport, requirement: string): string[] {
  const m = report.minimums;
  const mine = m?.short.filter((s) => s.requirement === requirement) ?? [];
  if (!m || mine.length === 0) return [];
  const extended = report.extension?.extended ? `, extended from --duration ${report.extension.asked_s} s` : '';
  const run =
    m.run_with_s === null
      ? 'some evidence never came in the run, so no rate says how long a run would need'
      : `at the rates measured a run needs ~${Math.ceil(m.needed_s ?? 0)} s: run with --duration ${m.run_with_s}` +
        (report.engine === 'node' ? ` (or let the run extend that far: --max-duration ${m.run_with_s})` : '');
  return [...mine.map((s) => s.sentence), `the load ran ${report.duration_s} s${extended}; ${run}`];
}
