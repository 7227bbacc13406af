// The suite checks itself: correct servers pass, every mutant fails for the reason its defect gives.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYERS } from '../../cli/layers.ts';
import { KILL_MATRIX_SETTINGS } from './settings.ts';
import { readSettings } from '../../settings/read.ts';
import { runSubject, SUBJECTS } from './kill-matrix.ts';

describe('kill matrix: verify against correct servers and every mutant', function () {
  this.timeout(120_000);
  const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-'));
  const settings = readSettings(KILL_MATRIX_SETTINGS, { env: process.env });
  const layers = () => settings.layers.map((name) => LAYERS[name]());
  const options = { layers, durationSeconds: settings.durationSeconds, reportDir };

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
      const row = await runSubject(subject, options);
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
