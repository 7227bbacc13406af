// The end of a run on the console: each requirement was printed once as it was judged, so this block
// repeats none of the passes: only what needs attention (failures, inconclusive, warnings) with its key
// evidence, the notes, where the reports are, and the verdict line CI logs are searched for.
import { exitCodeOf, type Summary } from '../../verdict/summary.ts';
import type { Status } from '../../verdict/types.ts';
import { keyEvidence } from '../key-evidence.ts';

const SECTIONS: { status: Status; heading: string }[] = [
  { status: 'fail', heading: 'Failed' },
  { status: 'inconclusive', heading: 'Inconclusive (not enough evidence: never a pass)' },
  { status: 'warn', heading: 'Warnings (SHOULD requirements not met)' },
];
const EVIDENCE_LINES = 3;
const INDENT = ' '.repeat(15);

function section(summary: Summary, status: Status, heading: string): string[] {
  const members = summary.requirements.filter((r) => r.status === status);
  if (members.length === 0) return [];
  return [
    `${heading}:`,
    ...members.flatMap((r) => [
      `  ${r.id.padEnd(12)} ${r.title}`,
      ...keyEvidence(r.evidence, EVIDENCE_LINES, 200).map((line) => `${INDENT}${line}`),
    ]),
    '',
  ];
}

function renderVerdictLine(summary: Summary): string {
  const exit = `exit ${exitCodeOf(summary)}`;
  if (summary.verdict === 'error')
    return `verdict: ERROR — the suite could not run (${exit}): ${summary.error ?? 'no reason recorded'}`;
  const { pass, fail, warn, inconclusive } = summary.counts;
  const interrupted = summary.interrupted && summary.verdict !== 'interrupted' ? ' (interrupted)' : '';
  const counts = `${pass} passed, ${fail} failed, ${warn} warnings, ${inconclusive} inconclusive`;
  return `verdict: ${summary.verdict.toUpperCase()}${interrupted} — ${counts} (${exit})`;
}

export function renderVerdictBlock(summary: Summary, files: readonly string[] = []): string {
  const lines = [''];
  if (summary.loosened.length) {
    lines.push('Loosened by settings (a pass here is not a pass at the default bar):');
    lines.push(...summary.loosened.map((line) => `  - ${line}`), '');
  }
  lines.push(...SECTIONS.flatMap(({ status, heading }) => section(summary, status, heading)));
  if (summary.notes.length) lines.push('Notes:', ...summary.notes.map((note) => `  - ${note}`), '');
  if (files.length) lines.push(`reports: ${files.join(', ')}`);
  lines.push(renderVerdictLine(summary));
  return lines.join('\n');
}
