// The comparison with a baseline on the console: the two runs' machines, a table of figures per endpoint with
// each change and its interval, and the requirements whose status changed.
import type { Comparison } from '../../baseline/compare.ts';
import { describeChange, formatFigure, FIGURE_LABELS, toleranceOf } from '../../baseline/describe.ts';
import type { MachineFacts } from '../../verdict/machine.ts';

function machineLine(machine: MachineFacts | null): string {
  if (!machine) return 'not recorded';
  const k6 = machine.k6 ? `, k6 ${machine.k6}` : '';
  return `${machine.cores} cores (${machine.cpu_model}), load ${machine.load_average[0]}, node ${machine.node}${k6}`;
}

export function renderComparison(comparison: Comparison): string[] {
  const { baseline, machine, requirements } = comparison;
  const lines = [
    `Compared with the baseline ${baseline.file} (${baseline.startedAt}, token-suite ${baseline.version}):`,
    `  machine now:      ${machineLine(machine.now)}`,
    `  machine baseline: ${machineLine(machine.baseline)}`,
    ...comparison.warnings.map((w) => `  warning: ${w}`),
  ];
  for (const { endpoint, figures } of comparison.endpoints) {
    for (const f of figures) {
      const judgement = f.judgement === 'shown' ? '' : ` ${f.judgement.toUpperCase()}`;
      lines.push(
        `  ${endpoint.padEnd(8)} ${FIGURE_LABELS[f.figure].padEnd(12)} ${formatFigure(f.figure, f.old).padStart(11)}` +
          ` → ${formatFigure(f.figure, f.now).padEnd(11)} ${describeChange(f.figure, f.change)}${judgement}` +
          ` (tolerance ${toleranceOf(f.figure, comparison.tolerances)})`,
      );
    }
  }
  if (comparison.endpoints.length === 0) lines.push('  load: not measured by both runs');
  const list = (label: string, ids: { id: string; old: string; now: string }[]) =>
    ids.length ? [`  ${label}: ${ids.map((c) => `${c.id} (${c.old} → ${c.now})`).join(', ')}`] : [];
  lines.push(
    ...list('newly failing', requirements.newlyFailing),
    ...list('fixed', requirements.fixed),
    ...list('newly inconclusive', requirements.newlyInconclusive),
  );
  return [...lines, ''];
}
