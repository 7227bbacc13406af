// The kill matrix's k6 column on a real k6 (found on the PATH; skipped with the enabling line without
// one), the load layer only for TOKEN_SUITE_MATRIX_K6_DURATION (6 s) on a fresh server of each kind:
// - a mutant: k6 fails every load requirement its defect violates, as the Node engine does in the main
//   matrix (kill-matrix.slow.test.ts asserts the same declared defects of the Node engine);
// - a correct server: k6 fails none of LOAD-01, LOAD-03, LOAD-04 or LOAD-05.
// Asserted are the requirements that a server's behaviour decides. Printed, not asserted: the timing
// requirements of correct servers (LOAD-02, LOAD-06: on a shared 2-core machine a few seconds of load make
// them noise for both engines) and requirements a defect trips only by chance (LOAD-03 on time-seeded-tokens
// needs a grant and its refresh answered within one millisecond). `npm run kill-matrix` runs both engines
// for as long on each server and shows every difference in docs/kill-matrix.md's k6 column.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLayer } from '../../load/layer.ts';
import { k6OrSkip } from '../k6.ts';
import { KILL_MATRIX_SETTINGS } from './settings.ts';
import { readSettings } from '../../settings/read.ts';
import { inK6Column, k6Row } from './k6-column.ts';
import { SUBJECTS } from './kill-matrix.ts';

describe('kill matrix, k6 column: the load layer with k6 against correct servers and rotation mutants', function () {
  this.timeout(180_000);
  const reportDir = mkdtempSync(join(tmpdir(), 'kill-matrix-k6-'));
  const { k6DurationSeconds } = readSettings(KILL_MATRIX_SETTINGS, { env: process.env });
  const options = { layers: () => [loadLayer], durationSeconds: k6DurationSeconds, reportDir };
  before(function () {
    k6OrSkip(this);
  });

  for (const subject of SUBJECTS.filter(inK6Column)) {
    const label = subject.rotationGraceSeconds
      ? `${subject.name} (grace ${subject.rotationGraceSeconds} s)`
      : subject.name;
    const load = subject.violates.filter((id) => id.startsWith('LOAD-'));
    const title =
      subject.expected === 'pass'
        ? `${label}: k6 passes LOAD-01, LOAD-03, LOAD-04 and LOAD-05, as the Node engine does (main matrix)`
        : `${label}: k6 fails ${load.join(', ')}, as the Node engine does (main matrix)`;
    it(title, async () => {
      const row = await k6Row(subject, options, k6DurationSeconds);
      const caught = row.caught.load.filter((id) => !id.endsWith('?'));
      const judged = subject.expected === 'pass' ? ['LOAD-01', 'LOAD-03', 'LOAD-04', 'LOAD-05'] : load;
      const wrong = judged.filter((id) => (subject.expected === 'pass') === caught.includes(id));
      assert.deepEqual(wrong, [], `k6 judged ${label} wrong (k6 caught: ${row.caught.load.join(' ') || '—'})`);
    });
  }
});
