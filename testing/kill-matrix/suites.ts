// The kill matrix's mocha suites, each over a share of SUBJECTS: the test files split the subjects between the
// files judged on time (run one at a time, .mocharc.timed.cjs) and the rest (run beside other untimed files,
// .mocharc.untimed.cjs), with the predicates below.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYERS } from '../../cli/layers.ts';
import { loadLayer } from '../../load/layer.ts';
import { readSettings } from '../../settings/read.ts';
import { k6OrSkip } from '../k6.ts';
import { inK6Column, k6Row } from './k6-column.ts';
import { runSubject, SUBJECTS, type Subject } from './kill-matrix.ts';
import { KILL_MATRIX_SETTINGS } from './settings.ts';

/** The load requirements judged on time: a crowded machine can move them, never a server's rotation or tokens. */
const TIMED = ['LOAD-02', 'LOAD-06'];

/**
 * A subject the main matrix runs without the load layer: a mutant expected to fail runs only the layers its
 * violations name (what the other layers say of it asserts nothing), so one that violates no load
 * requirement runs no load at all. Correct servers and warn mutants run every layer: no MUST may fail there.
 */
export const runsNoLoad = (s: Subject) => s.expected === 'fail' && !s.violatedLayers.includes('load');

/** A subject whose k6 column cell is judged on time (a declared LOAD-02 or LOAD-06 failure). */
export const k6JudgedOnTime = (s: Subject) => s.violates.some((id) => TIMED.includes(id));

/** The main matrix over `which` subjects: correct servers pass, every mutant fails for its defect's reason. */
export function describeKillMatrix(title: string, which: (s: Subject) => boolean): void {
  describe(title, function () {
    this.timeout(120_000);
    const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-'));
    const settings = readSettings(KILL_MATRIX_SETTINGS, { env: process.env });
    const layersOf = (subject: Subject) => () =>
      settings.layers
        .filter((name) => subject.expected !== 'fail' || subject.violatedLayers.includes(name))
        .map((name) => LAYERS[name]());

    for (const subject of SUBJECTS.filter(which)) {
      const label = subject.rotationGraceSeconds
        ? `${subject.name} (rotation grace ${subject.rotationGraceSeconds} s)`
        : subject.name;
      const expected =
        subject.expected === 'pass'
          ? `${label} passes with no MUST failure`
          : subject.expected === 'warn'
            ? `${label} passes with a warning on ${subject.violates.join(', ')}`
            : `${label} fails (exit 1) on ${subject.violates.join(', ')}`;
      it(expected, async () => {
        const layers = layersOf(subject);
        const row = await runSubject(subject, { layers, durationSeconds: settings.durationSeconds, reportDir });
        const seen = Object.entries(row.caught)
          .map(([layer, ids]) => `${layer}: ${ids.join(' ') || '—'}`)
          .join('; ');
        assert.ok(
          row.ok,
          `verdict ${row.verdict}; ${seen}${row.missed.length ? `; missed ${row.missed.join(', ')}` : ''}`,
        );
      });
    }
  });
}

/** The k6 column over `which` of its subjects: k6 kills each mutant as the Node engine does, passes the rest. */
export function describeK6Column(title: string, which: (s: Subject) => boolean): void {
  describe(title, function () {
    this.timeout(180_000);
    const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-k6-'));
    const { k6DurationSeconds } = readSettings(KILL_MATRIX_SETTINGS, { env: process.env });
    const options = { layers: () => [loadLayer], durationSeconds: k6DurationSeconds, reportDir };
    before(function () {
      k6OrSkip(this);
    });

    for (const subject of SUBJECTS.filter((s) => inK6Column(s) && which(s))) {
      const label = subject.rotationGraceSeconds
        ? `${subject.name} (grace ${subject.rotationGraceSeconds} s)`
        : subject.name;
      const load = subject.violates.filter((id) => id.startsWith('LOAD-'));
      const expected =
        subject.expected === 'pass'
          ? `${label}: k6 passes LOAD-01, LOAD-03, LOAD-04 and LOAD-05, as the Node engine does (main matrix)`
          : `${label}: k6 fails ${load.join(', ')}, as the Node engine does (main matrix)`;
      it(expected, async () => {
        const row = await k6Row(subject, options, k6DurationSeconds);
        const caught = row.caught.load.filter((id) => !id.endsWith('?'));
        const judged = subject.expected === 'pass' ? ['LOAD-01', 'LOAD-03', 'LOAD-04', 'LOAD-05'] : load;
        const wrong = judged.filter((id) => (subject.expected === 'pass') === caught.includes(id));
        assert.deepEqual(wrong, [], `k6 judged ${label} wrong (k6 caught: ${row.caught.load.join(' ') || '—'})`);
      });
    }
  });
}
