// The kill matrix's k6 column: the load layer run again with k6 against the servers where rotation,
// uniqueness and degradation are at stake. k6 must kill each mutant for the right reason, pass the
// correct servers, and agree with the Node engine on every MUST load requirement.
import { loadLayer } from '../load/layer.ts';
import type { K6Cell, MatrixOptions, Row, Subject } from './kill-matrix.ts';
import { runSubject } from './kill-matrix.ts';

/** (name, rotation grace) of the subjects in the k6 column. */
export const K6_COLUMN: readonly [string, number][] = [
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

/** MUST load requirements that did not pass (a '?' marks a SHOULD). */
const mustCaught = (ids: string[]) => ids.filter((id) => !id.endsWith('?'));

/** Runs the load layer with k6 against a fresh server of the subject, and compares it with `node`'s load column. */
export async function k6Cell(subject: Subject, node: Pick<Row, 'caught'>, options: MatrixOptions): Promise<K6Cell> {
  const row = await runSubject(subject, { ...options, layers: () => [loadLayer], engine: 'k6' });
  const [k6Must, nodeMust] = [mustCaught(row.caught.load), mustCaught(node.caught.load)];
  const disagreements = [...new Set([...k6Must, ...nodeMust])]
    .filter((id) => k6Must.includes(id) !== nodeMust.includes(id))
    .sort();
  return { caught: row.caught.load, ok: row.ok, disagreements };
}
