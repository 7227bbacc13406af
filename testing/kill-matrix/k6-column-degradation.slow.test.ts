// The kill matrix's k6 column, its cells judged on time (a declared LOAD-02 or LOAD-06 failure: the store that
// slows as it fills): k6 fails them as the Node engine does, with nothing beside it (the rest of the column,
// and what it asserts: k6-column.slow.test.ts).
import { describeK6Column, k6JudgedOnTime } from './suites.ts';

describeK6Column('kill matrix, k6 column: k6 catches a server that degrades, as the Node engine does', k6JudgedOnTime);
