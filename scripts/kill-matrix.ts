// npm run kill-matrix: verify against the correct servers and every mutant, and print the matrix.
// --write puts it into README.md. Exit 1 when a correct server fails or a mutant survives.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMatrix, runSubject, SUBJECTS, type Row } from '../mutants/kill-matrix.ts';
import { MATRIX_DURATION_SECONDS, MATRIX_LAYERS, matrixLayers } from '../mutants/matrix-layers.ts';
import { writeSection } from './readme-section.ts';

const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-'));
const rows: Row[] = [];
for (const subject of SUBJECTS) {
  const row = await runSubject(subject, { layers: matrixLayers, durationSeconds: MATRIX_DURATION_SECONDS, reportDir });
  process.stderr.write(
    `${row.ok ? 'ok  ' : 'BAD '} ${subject.name}${subject.rotationGraceSeconds ? ` (grace ${subject.rotationGraceSeconds} s)` : ''}\n`,
  );
  rows.push(row);
}
const table = renderMatrix(rows, MATRIX_LAYERS);
const killed = rows.filter((r) => r.expected !== 'pass' && r.ok).length;
const mutants = rows.filter((r) => r.expected !== 'pass').length;
const line = `${killed} of ${mutants} mutants killed for the right reason; ${rows.filter((r) => r.expected === 'pass' && r.ok).length} of ${rows.length - mutants} correct servers pass (load ${MATRIX_DURATION_SECONDS} s per server; reports in ${reportDir})`;
console.log(`${table}\n\n${line}`);
if (process.argv.includes('--write'))
  writeSection('kill-matrix', `${table}\n\n${line.replace(/; reports in .*\)/, ')')}`);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
