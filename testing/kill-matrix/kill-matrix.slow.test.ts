// The suite checks itself: correct servers pass, every mutant fails for the reason its defect gives. A mutant
// expected to fail runs only the layers its violations name: what the other layers say of it asserts nothing
// here (its verdict is 'fail' on its own violations, and `npm run kill-matrix` still fills every column of
// docs/kill-matrix.md). Correct servers and the warn mutants run every layer: no MUST of any may fail there.
// Here the subjects that run the load layer, judged with nothing beside them; the mutants that run no load
// are kill-matrix-without-load.slow.test.ts (suites.ts splits them).
import { describeKillMatrix, runsNoLoad } from './suites.ts';

describeKillMatrix('kill matrix: verify against correct servers and every mutant', (s) => !runsNoLoad(s));
