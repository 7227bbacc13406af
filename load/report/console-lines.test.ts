// What the console says about the minimums: nothing for a run that met them at --duration (a fast server's
// console stays as it was), when and why a run was extended, and what a run still short would need.
import assert from 'node:assert/strict';
import { loadReportFixture } from '../../testing/load-report-fixture.ts';
import { loadResultLines } from './console-lines.ts';
import type { Shortfall } from './minimums.ts';

const races: Shortfall = {
  requirement: 'LOAD-04',
  what: 'races with every racer answered',
  have: 7,
  need: 10,
  per_second: 0.7,
  needed_s: 14.3,
  sentence: 'LOAD-04: 7 of 10 races with every racer answered; at 0.7 races/s with every racer answered, 10 need ~15 s',
};
const extension = { asked_s: 10, bound_s: 60, ran_s: 10, extended: false, ended: 'met' as const };
const met = { short: [], needed_s: 0, run_with_s: null };

describe('load console lines: the minimums', () => {
  it('say nothing of a run that met them within --duration', () => {
    const summary = 'every load minimum met within --duration 10 s: not extended';
    const lines = loadResultLines(
      loadReportFixture({ minimums: met, extension: { ...extension, short_at_duration: [], summary } }),
      [],
    );
    assert.equal(lines.filter((l) => /minimum|extended/.test(l)).length, 0, lines.join('\n'));
  });

  it('say when and why a run was extended', () => {
    const summary = 'extended from 10 s to 14.5 s (bound 60 s), at --duration 10 s short of: LOAD-04 7/10 races';
    const e = { ...extension, ran_s: 14.5, extended: true, short_at_duration: [races], summary };
    const lines = loadResultLines(loadReportFixture({ minimums: met, extension: e }), []);
    assert.ok(lines.includes(`  load: ${summary}`), lines.join('\n'));
  });

  it('say what a run still short would need', () => {
    const lines = loadResultLines(
      loadReportFixture({ minimums: { short: [races], needed_s: 14.3, run_with_s: 15 } }),
      [],
    );
    assert.ok(lines.includes('  minimums not met: at the rates measured a run needs ~15 s: run with --duration 15'));
    assert.ok(lines.includes(`    ${races.sentence}`), lines.join('\n'));
  });
});
