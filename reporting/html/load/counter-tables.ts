// report.html's load counters, in plain tables: refresh rotation (violations marked), the checks of the
// answers, and the first third of the run against the last.
import { escapeHtml } from '../escape.ts';
import { formatNumber, num, record, type Unknown } from './view.ts';

const cell = (content: string, className = '') => `<td${className ? ` class="${className}"` : ''}>${content}</td>`;
const label = (key: string) => escapeHtml(key.replace(/_/g, ' '));
const countRow = (name: string, value: number | undefined, className = 'num') =>
  `<tr><th scope="row">${name}</th>${cell(formatNumber(value), className)}</tr>`;

export function rotationTable(load: Unknown): string {
  const rotation = record(load.rotation);
  if (!rotation) return '';
  const counters = Object.entries(rotation)
    .filter(([, v]) => num(v) !== undefined)
    .map(([k, v]) => countRow(label(k), num(v)));
  const violations = Object.entries(record(rotation.violations) ?? {}).map(([k, v]) => {
    const n = num(v) ?? 0;
    return countRow(`violation: ${label(k)}`, n, n ? 'num bad' : 'num ok');
  });
  return `<table class="figures compact"><caption>Refresh rotation</caption><tbody>
${[...counters, ...violations].join('\n')}
</tbody></table>`;
}

export function checksTable(load: Unknown): string {
  const checks = Object.entries(record(load.checks) ?? {});
  if (checks.length === 0) return '';
  const rows = checks.map(([name, value]) => {
    const c = record(value) ?? {};
    const fails = num(c.fails) ?? 0;
    const cells = cell(formatNumber(num(c.passes)), 'num') + cell(formatNumber(fails), fails ? 'num bad' : 'num');
    return `<tr><th scope="row">${escapeHtml(name)}</th>${cells}</tr>`;
  });
  return `<table class="figures compact"><caption>Checks of the answers</caption>
<thead><tr><th>check</th><th>passed</th><th>failed</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

export function degradationTable(load: Unknown): string {
  const d = record(load.degradation);
  if (!d) return '';
  const value = (v: unknown, unit: string) => cell(`${formatNumber(num(v))} ${unit}`, 'num');
  const ratio = (v: unknown) => cell(num(v) === undefined ? '–' : `×${formatNumber(num(v))}`, 'num');
  const row = (name: string, first: unknown, last: unknown, r: unknown, unit: string) =>
    `<tr><th scope="row">${name}</th>${value(first, unit)}${value(last, unit)}${ratio(r)}</tr>`;
  return `<table class="figures compact"><caption>First third of the run against the last (medians of windows)</caption>
<thead><tr><th></th><th>first</th><th>last</th><th>ratio</th></tr></thead><tbody>
${row('p95 latency', d.first_p95_ms, d.last_p95_ms, d.ratio, 'ms')}
${row('throughput', d.first_rps, d.last_rps, d.rps_ratio, 'req/s')}
</tbody></table>`;
}
