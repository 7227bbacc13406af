// The kill matrix's k6 column on a real k6 (found on the PATH; skipped with the enabling line without one), the
// load layer only for TOKEN_SUITE_MATRIX_K6_DURATION (6 s) on a fresh server of each kind:
// - a mutant: k6 fails every load requirement its defect violates, as the Node engine does in the main
//   matrix (kill-matrix.slow.test.ts asserts the same declared defects of the Node engine);
// - a correct server: k6 fails none of LOAD-01, LOAD-03, LOAD-04 or LOAD-05.
// Asserted are the requirements that a server's behaviour decides. Printed, not asserted: the timing
// requirements of correct servers (LOAD-02, LOAD-06: on a shared 2-core machine a few seconds of load make
// them noise for both engines) and requirements a defect trips only by chance (LOAD-03 on time-seeded-tokens
// needs a grant and its refresh answered within one millisecond). `npm run kill-matrix` runs both engines
// for as long on each server and shows every difference in docs/kill-matrix.md's k6 column.
// Here the cells judged on behaviour alone (rotation, races, unique tokens), beside other untimed files; the
// cell judged on time (a store that slows as it fills: LOAD-06) is k6-column-degradation.slow.test.ts.
import { describeK6Column, k6JudgedOnTime } from './suites.ts';

describeK6Column(
  'kill matrix, k6 column: the load layer with k6 against correct servers and rotation mutants',
  (s) => !k6JudgedOnTime(s),
);
