// The kill matrix's mutants that violate no load requirement: each runs only the layers its violations name
// (conformance, contract), no load, so nothing here is judged on time and the file runs beside other untimed
// files. The rest of the matrix (correct servers, warn mutants, load defects): kill-matrix.slow.test.ts.
import { describeKillMatrix, runsNoLoad } from './suites.ts';

describeKillMatrix('kill matrix: every mutant whose defects no load run decides fails for their reason', runsNoLoad);
