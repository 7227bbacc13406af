// An operator run rehearsed with real k6 (found on the PATH; skipped with the enabling line without one):
// `verify --engine k6 --runners 4` catches every declared defect on the kill matrix's servers where
// rotation, races and token uniqueness are at stake (the requirements a server's behaviour decides: LOAD-03,
// LOAD-04, LOAD-05; the timing ones are noise on a shared 2-core machine), and passes the reference server:
// the same catches one k6 process makes in the kill matrix's k6 column (testing/kill-matrix/k6-column), so
// one k6 is not run again here. A runner killed mid-run: runners-killed.slow.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLayer } from '../layer.ts';
import { k6OrSkip } from '../../testing/k6.ts';
import { runSubject, SUBJECTS } from '../../testing/kill-matrix/kill-matrix.ts';

const JUDGED = ['LOAD-03', 'LOAD-04', 'LOAD-05'];
const SERVERS = ['reference', 'replay-accepted', 'refresh-race', 'time-seeded-tokens'];
const SECONDS = 6;

describe('k6 runners: an operator run rehearsed with real k6, judged once', function () {
  this.timeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'token-suite-runners-'));
  before(function () {
    k6OrSkip(this);
  });

  for (const name of SERVERS) {
    const subject = SUBJECTS.find((s) => s.name === name && s.rotationGraceSeconds === 0)!;
    const load = subject.violates.filter((id) => JUDGED.includes(id));
    const expected = load.length ? `fail ${load.join(', ')}` : 'pass LOAD-03, -04, -05';
    it(`${name}: 4 runners ${expected}, as one k6 process does (the k6 column)`, async () => {
      const options = { layers: () => [loadLayer], durationSeconds: SECONDS, reportDir: dir, engine: 'k6' as const };
      const four = await runSubject(subject, { ...options, runners: 4 });
      const judged = four.caught.load.filter((id) => JUDGED.includes(id)).sort();
      console.log(`      ${name}: 4 runners caught ${four.caught.load.join(', ') || 'nothing'}`);
      // Every declared defect is caught; a correct server is failed on none. A mutant may break more than it
      // declares, by chance (time-seeded tokens repeat across race winners, LOAD-04, and sometimes across
      // families, so that a replay lands on another family's live token, LOAD-03): printed, not compared.
      if (load.length === 0) assert.deepEqual(judged, []);
      for (const id of load) assert.ok(judged.includes(id), `${id} caught by 4 runners (${judged.join(', ')})`);
    });
  }
});
