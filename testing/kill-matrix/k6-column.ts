// The kill matrix's k6 column: the load layer run again with k6 against the servers where rotation,
// uniqueness and degradation are at stake. k6 must kill each mutant for the right reason, pass the
// correct servers, and agree with the Node engine on every MUST load requirement.
import { loadLayer } from '../../load/layer.ts';
import type { K6Cell, MatrixOptions, Row, Subject } from './kill-matrix.ts';
import { runSubject } from './kill-matrix.ts';

/** (name, rotation grace) of the subjects in the k6 column. */
const K6_COLUMN: readonly [string, number][] = [
  ['reference', 0],
  ['alt', 0],
  ['alt', 2],
  ['replay-accepted', 0],
  ['refresh-race', 0],
  ['no-rotation', 0],
  ['time-seeded-tokens', 0],
  ['json-snapshot-store', 0],
];

export const inK6Column = (s: Subject) =>
  K6_COLUMN.some(([name, grace]) => name === s.name && grace === s.rotationGraceSeconds);

/**
 * Seconds of load, with either engine, for a server that slows as it fills up (LOAD-06): k6 makes every check
 * in JavaScript and sends several times fewer requests than the Node engine on two shared cores, so such a
 * store fills that much slower; 8 s showed it on a quiet machine and missed it beside a benchmark.
 */
const K6_DEGRADATION_SECONDS = 16;

/** MUST load requirements that did not pass (a '?' marks a SHOULD). */
const mustCaught = (ids: string[]) => ids.filter((id) => !id.endsWith('?'));

/** The load layer alone, on a fresh server of the subject, for the k6 column's duration. */
function loadOnly(subject: Subject, options: MatrixOptions, engine: 'node' | 'k6', seconds: number): Promise<Row> {
  const layers = () => [loadLayer];
  return runSubject(subject, { ...options, layers, engine, durationSeconds: seconds });
}

/** Seconds of load for the subject: `asked` (TOKEN_SUITE_MATRIX_K6_DURATION), or longer for LOAD-06. */
const secondsFor = (subject: Subject, asked: number) =>
  subject.violates.includes('LOAD-06') ? Math.max(asked, K6_DEGRADATION_SECONDS) : asked;

/** The load layer with k6 alone, against a fresh server of the subject (the test: the Node engine's verdict
 * on each subject is the main matrix's). */
export function k6Row(subject: Subject, options: MatrixOptions, asked: number): Promise<Row> {
  return loadOnly(subject, options, 'k6', secondsFor(subject, asked));
}

/**
 * Runs the load layer with k6 and with the Node engine, each against a fresh server of the subject, for
 * as long (secondsFor), and says where their MUST verdicts differ: docs/kill-matrix.md's k6 column.
 */
export async function k6Cell(subject: Subject, options: MatrixOptions, asked: number): Promise<K6Cell> {
  const node = await loadOnly(subject, options, 'node', secondsFor(subject, asked));
  const row = await k6Row(subject, options, asked);
  const [k6Must, nodeMust] = [mustCaught(row.caught.load), mustCaught(node.caught.load)];
  const disagreements = [...new Set([...k6Must, ...nodeMust])]
    .filter((id) => k6Must.includes(id) !== nodeMust.includes(id))
    .sort();
  return { caught: row.caught.load, ok: row.ok, disagreements };
}
