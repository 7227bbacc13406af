// The top of report.html: the verdict box (every verdict, with its exit code and what it means) and the
// notes a reader must know to trust it (TLS verification off, an engine fallback, ...).
import { exitCodeOf, type Summary } from '../../verdict/summary.ts';
import type { Status } from '../../verdict/types.ts';
import { escapeHtml } from './escape.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function meaning(summary: Summary): string {
  const must = (status: Status) =>
    plural(summary.requirements.filter((r) => r.level === 'MUST' && r.status === status).length, 'MUST requirement');
  const warn = summary.counts.warn;
  const warnings = warn ? ` ${plural(warn, 'SHOULD requirement was', 'SHOULD requirements were')} not met.` : '';
  switch (summary.verdict) {
    case 'pass':
      return `Every MUST requirement passed.${warnings}`;
    case 'fail':
      return `${must('fail')} failed: the target does not behave as the API requires.`;
    case 'inconclusive':
      return `No MUST requirement failed, but ${must('inconclusive')} could not gather enough evidence: not a pass.`;
    case 'interrupted':
      return 'Stopped (Ctrl-C) before the end: what follows is what was measured until then.';
    case 'error':
      return `The suite could not run: ${summary.error ?? 'no reason was recorded'}`;
  }
}

const ATTENTION: [label: string, status: Status][] = [
  ['Failed', 'fail'],
  ['Inconclusive', 'inconclusive'],
  ['Warnings', 'warn'],
];

/** The ids to look at first, as links to their rows. */
function attention(summary: Summary): string {
  return ATTENTION.map(([label, status]) => {
    const ids = summary.requirements.filter((r) => r.status === status).map((r) => escapeHtml(r.id));
    const links = ids.map((id) => `<a href="#req-${id}">${id}</a>`).join(' ');
    return ids.length ? `<p class="ids">${label}: ${links}</p>` : '';
  }).join('');
}

function counts(summary: Summary): string {
  if (summary.verdict === 'error') return '';
  const { pass, fail, warn, inconclusive } = summary.counts;
  const figures = [`${fail} failed`, `${inconclusive} inconclusive`, `${warn} warnings`, `${pass} passed`];
  return `<p class="counts">${figures.map((f) => `<span class="count">${f}</span>`).join('')}</p>`;
}

export function renderVerdict(summary: Summary): string {
  const interrupted = summary.interrupted && summary.verdict !== 'interrupted' ? ' (interrupted: partial results)' : '';
  const exit = `<span class="exit">(exit code ${exitCodeOf(summary)})</span>`;
  return `<section class="verdict v-${summary.verdict}" aria-label="verdict">
<p class="verdict-word">Verdict: <strong>${summary.verdict.toUpperCase()}</strong>${interrupted} ${exit}</p>
<p class="verdict-why">${escapeHtml(meaning(summary))}</p>
${counts(summary)}${attention(summary)}
</section>`;
}

export function renderNotes(summary: Summary): string {
  return [
    box('loosened', 'Settings that loosened requirements', summary.loosened),
    box('notes', 'Read this before trusting the verdict', summary.notes),
  ]
    .filter(Boolean)
    .join('\n');
}

function box(label: string, heading: string, lines: readonly string[]): string {
  if (lines.length === 0) return '';
  const items = lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n');
  return `<section class="notes" aria-label="${label}"><h2>${heading}</h2>\n<ul>\n${items}\n</ul></section>`;
}
