// summary.md: the run in GitHub-flavoured markdown, for a CI job summary ($GITHUB_STEP_SUMMARY) or a merge
// request comment: the verdict, what failed or lacks evidence (one evidence line each), the load per endpoint,
// and the comparison with a baseline.
import type { Comparison } from '../baseline/compare.ts';
import { describeChange, formatFigure, FIGURE_LABELS, toleranceOf } from '../baseline/describe.ts';
import { exitCodeOf, type Summary } from '../verdict/summary.ts';
import type { RequirementResult, Status } from '../verdict/types.ts';
import { keyEvidence } from './key-evidence.ts';

/** Table cells: no line breaks, no pipes, no HTML. */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const ICONS: Record<string, string> = { pass: '✅', fail: '❌', error: '⛔', inconclusive: '❔', interrupted: '⏹️' };
const SECTIONS: { status: Status; heading: string }[] = [
  { status: 'fail', heading: 'Failed' },
  { status: 'inconclusive', heading: 'Inconclusive (not enough evidence: never a pass)' },
  { status: 'warn', heading: 'Warnings (SHOULD requirements not met)' },
];

function requirementTable(requirements: RequirementResult[]): string[] {
  return [
    '| id | level | requirement | evidence |',
    '| --- | --- | --- | --- |',
    ...requirements.map(
      (r) => `| \`${r.id}\` | ${r.level} | ${cell(r.title)} | ${cell(keyEvidence(r.evidence, 1, 300)[0] ?? '')} |`,
    ),
  ];
}

type Loose = Record<string, unknown>;
const rec = (v: unknown): Loose | undefined => (typeof v === 'object' && v !== null ? (v as Loose) : undefined);
const n = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : 'n/a');

function loadTable(load: Loose): string[] {
  const endpoints = rec(load.endpoints) ?? {};
  const rows = [['all', load] as const, ...Object.entries(endpoints)].map(([name, raw]) => {
    const f = rec(raw) ?? {};
    const latency = rec(f.latency_ms) ?? {};
    const cells = [cell(name), n(f.requests), n(f.rps), n(f.errors), n(latency.p50), n(latency.p95), n(latency.p99)];
    return `| ${cells.join(' | ')} |`;
  });
  const engine = typeof load.engine === 'string' ? load.engine : 'unknown';
  return [
    `### Load (${engine} engine, ${n(load.duration_s)} s, ${n(load.connections)} connections)`,
    '',
    '| endpoint | requests | req/s | errors | p50 ms | p95 ms | p99 ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

export function comparisonMarkdown(comparison: Comparison): string[] {
  const { baseline, requirements } = comparison;
  const changes = (label: string, list: { id: string; old: string; now: string }[]) =>
    list.length ? [`- ${label}: ${list.map((c) => `\`${c.id}\` (${c.old} → ${c.now})`).join(', ')}`] : [];
  const rows = comparison.endpoints.flatMap(({ endpoint, figures }) =>
    figures.map((f) => {
      const mark = f.judgement === 'regression' ? '❌ ' : f.judgement === 'improvement' ? '🚀 ' : '';
      const cells = [
        endpoint,
        FIGURE_LABELS[f.figure],
        formatFigure(f.figure, f.old),
        formatFigure(f.figure, f.now),
        cell(describeChange(f.figure, f.change)),
        `${mark}${f.judgement} (${toleranceOf(f.figure, comparison.tolerances)})`,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  );
  return [
    `### Compared with the baseline`,
    '',
    `Baseline \`${cell(baseline.file)}\`: ${cell(baseline.startedAt)}, token-suite ${cell(baseline.version)}, ` +
      `verdict ${baseline.verdict}. ${cell(comparison.method)}`,
    '',
    ...comparison.warnings.map((w) => `> ⚠️ ${cell(w)}`),
    ...(comparison.warnings.length ? [''] : []),
    ...(rows.length
      ? [
          '| endpoint | figure | baseline | now | change (95% interval) | judgement (tolerance) |',
          '| --- | --- | --- | --- | --- | --- |',
          ...rows,
          '',
        ]
      : ['Load: not measured by both runs.', '']),
    ...changes('Newly failing', requirements.newlyFailing),
    ...changes('Fixed', requirements.fixed),
    ...changes('Newly inconclusive', requirements.newlyInconclusive),
    '',
  ];
}

export function renderMarkdown(summary: Summary): string {
  const icon = ICONS[summary.verdict] ?? '';
  const { pass, fail, warn, inconclusive } = summary.counts;
  const lines = [
    `## ${icon} token-suite: ${summary.verdict.toUpperCase()} (exit ${exitCodeOf(summary)})`,
    '',
    `Target ${cell(summary.target)}${summary.embedded ? ' (the embedded reference server)' : ''}; ` +
      `${pass} passed, ${fail} failed, ${warn} warnings, ${inconclusive} inconclusive; ` +
      `started ${summary.startedAt}, ${Math.round(summary.durationMs / 1000)} s.`,
    '',
  ];
  if (summary.error !== undefined) lines.push(`**The suite could not run:** ${cell(summary.error)}`, '');
  for (const { status, heading } of SECTIONS) {
    const members = summary.requirements.filter((r) => r.status === status);
    if (members.length) lines.push(`### ${heading}`, '', ...requirementTable(members), '');
  }
  if (summary.load) lines.push(...loadTable(summary.load));
  if (summary.baseline) lines.push(...comparisonMarkdown(summary.baseline as unknown as Comparison));
  if (summary.notes.length) lines.push('### Notes', '', ...summary.notes.map((note) => `- ${cell(note)}`), '');
  lines.push('Full reports: `summary.json`, `junit.xml`, `report.html` in the report directory (the CI artifact).');
  return `${lines.join('\n')}\n`;
}
