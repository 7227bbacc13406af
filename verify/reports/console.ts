// The compact table printed at the end of a run.
import type { Summary } from '../summary.ts';

const MARK = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', inconclusive: 'INCONCLUSIVE' } as const;

export function renderTable(summary: Summary): string {
  const rows = summary.requirements.map((r) => `${MARK[r.status]}  ${r.id.padEnd(11)} ${r.level.padEnd(6)} ${r.title}`);
  const failed = summary.requirements.filter((r) => r.status === 'fail');
  const why = failed.map((r) => `  ${r.id}: ${r.evidence.filter((e) => e.startsWith('FAILED')).slice(0, 3).join(' | ') || r.evidence.slice(0, 2).join(' | ')}`);
  const { pass, fail, warn, inconclusive } = summary.counts;
  return [
    `Requirements for ${summary.target}${summary.embedded ? ' (embedded reference server)' : ''}:`,
    ...rows,
    ...(why.length ? ['', 'Why it failed:', ...why] : []),
    '',
    `verdict: ${summary.verdict.toUpperCase()}${summary.interrupted && summary.verdict !== 'interrupted' ? ' (interrupted)' : ''} — ${pass} passed, ${fail} failed, ${warn} warnings, ${inconclusive} inconclusive`,
  ].join('\n');
}
