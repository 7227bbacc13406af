// The suite checks itself: correct servers pass, every mutant fails for the reason its defect gives. A mutant
// expected to fail runs only the layers its violations name: what the other layers say of it asserts nothing
// here (its verdict is 'fail' on its own violations, and `npm run kill-matrix` still fills every column of
// docs/kill-matrix.md). Correct servers and the warn mutants run every layer: no MUST of any may fail there.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYERS } from '../../cli/layers.ts';
import { KILL_MATRIX_SETTINGS } from './settings.ts';
import { readSettings } from '../../settings/read.ts';
import { runSubject, SUBJECTS, type Subject } from './kill-matrix.ts';

describe('kill matrix: verify against correct servers and every mutant', function () {
  this.timeout(120_000);
  const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-'));
  const settings = readSettings(KILL_MATRIX_SETTINGS, { env: process.env });
  const layersOf = (subject: Subject) => () =>
    settings.layers
      .filter((name) => subject.expected !== 'fail' || subject.violatedLayers.includes(name))
      .map((name) => LAYERS[name]());

  for (const subject of SUBJECTS) {
    const label = subject.rotationGraceSeconds
      ? `${subject.name} (rotation grace ${subject.rotationGraceSeconds} s)`
      : subject.name;
    const title =
      subject.expected === 'pass'
        ? `${label} passes with no MUST failure`
        : subject.expected === 'warn'
          ? `${label} passes with a warning on ${subject.violates.join(', ')}`
          : `${label} fails (exit 1) on ${subject.violates.join(', ')}`;
    it(title, async () => {
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
