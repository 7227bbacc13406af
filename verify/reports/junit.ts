// junit.xml: one <testsuite> per layer, one <testcase> per requirement.
// fail → <failure>; warn (a SHOULD that failed) → passes, with the evidence in <system-out>; skip → <skipped>.
import type { Summary } from '../summary.ts';

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export function renderJunit(summary: Summary): string {
  const layers = [...new Set(summary.requirements.map((r) => r.layer))];
  const suites = layers.map((layer) => {
    const cases = summary.requirements.filter((r) => r.layer === layer);
    const body = cases.map((r) => {
      const name = escape(`${r.id} [${r.level}] ${r.title}`);
      const evidence = escape(r.evidence.join('\n'));
      const inner =
        r.status === 'fail'
          ? `<failure message="${escape(`${r.id} failed`)}" type="${r.level}">${evidence}</failure>`
          : r.status === 'skip'
            ? `<skipped message="${escape(r.evidence[0] ?? 'skipped')}"/>`
            : `<system-out>${r.status === 'warn' ? 'WARNING (SHOULD not met)\n' : ''}${evidence}</system-out>`;
      return `    <testcase classname="token-suite.${layer}" name="${name}">${inner}</testcase>`;
    });
    const failures = cases.filter((r) => r.status === 'fail').length;
    const skipped = cases.filter((r) => r.status === 'skip').length;
    return `  <testsuite name="token-suite ${layer}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n${body.join('\n')}\n  </testsuite>`;
  });
  const failures = summary.counts.fail;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="token-suite verify ${escape(summary.target)}" tests="${summary.requirements.length}" failures="${failures}" time="${(summary.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
