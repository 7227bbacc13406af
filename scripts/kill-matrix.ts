// npm run kill-matrix: verify against the correct servers and every mutant, and print the matrix; with
// k6 on the PATH, the k6 column too (the load layer again with k6, testing/kill-matrix/k6-column.ts).
// --write puts it into docs/kill-matrix.md. Exit 1 when a correct server fails or a mutant survives.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findK6 } from '../load/k6/process.ts';
import { LAYERS } from '../cli/layers.ts';
import { inK6Column, k6Cell } from '../testing/kill-matrix/k6-column.ts';
import { renderMatrix, runSubject, SUBJECTS, type Row } from '../testing/kill-matrix/kill-matrix.ts';
import { KILL_MATRIX_SETTINGS } from '../testing/kill-matrix/settings.ts';
import { readSettings } from '../settings/read.ts';
import { writeSection } from './doc-sections.ts';

const settings = readSettings(KILL_MATRIX_SETTINGS, { env: process.env });
const layers = () => settings.layers.map((name) => LAYERS[name]());
const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-'));
const k6 = findK6();
const rows: Row[] = [];
for (const subject of SUBJECTS) {
  const options = { layers, durationSeconds: settings.durationSeconds, reportDir };
  const row = await runSubject(subject, options);
  if (k6 && inK6Column(subject)) row.k6 = await k6Cell(subject, options, settings.k6DurationSeconds);
  const grace = subject.rotationGraceSeconds ? ` (grace ${subject.rotationGraceSeconds} s)` : '';
  const k6Caught = row.k6 ? ` (k6: ${row.k6.caught.join(' ') || '—'})` : '';
  process.stderr.write(`${row.ok ? 'ok  ' : 'BAD '} ${subject.name}${grace}${k6Caught}\n`);
  rows.push(row);
}
const table = renderMatrix(rows, settings.layers);
const killed = rows.filter((r) => r.expected !== 'pass' && r.ok).length;
const mutants = rows.filter((r) => r.expected !== 'pass').length;
const k6Rows = rows.filter((r) => r.k6);
const k6Right = k6Rows.filter((r) => r.k6!.ok).length;
const k6Agree = k6Rows.filter((r) => r.k6!.disagreements.length === 0).length;
const k6Line = k6Rows.length
  ? `; k6 column (${k6Rows.length} servers, the load layer alone for ${settings.k6DurationSeconds} s ` +
    `with k6 and with the Node engine): ${k6Right} judged right, ` +
    `${k6Agree} agree with the Node engine on every MUST load requirement`
  : '; no k6 column (no k6 on the PATH)';
const correctPassed = rows.filter((r) => r.expected === 'pass' && r.ok).length;
const line =
  `${killed} of ${mutants} mutants killed for the right reason; ` +
  `${correctPassed} of ${rows.length - mutants} correct servers pass${k6Line} ` +
  `(load ${settings.durationSeconds} s per server; reports in ${reportDir})`;
console.log(`${table}\n\n${line}`);
if (process.argv.includes('--write'))
  writeSection('kill-matrix', `${table}\n\n${line.replace(/; reports in .*\)/, ')')}`);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
