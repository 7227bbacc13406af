// junit.xml: one <testsuite> per layer, one <testcase> per requirement.
// fail → <failure>; a MUST inconclusive → <error> (CI must read it neither as a pass nor as the server's fault;
// a SHOULD inconclusive passes with the note in <system-out>, as it cannot fail the run);
// warn (a SHOULD that failed) → passes, with the evidence in <system-out>. A run that could not start
// (verdict error) is one errored test case carrying the sentence that says why.
import type { Summary } from '../verdict/summary.ts';
import type { RequirementResult } from '../verdict/types.ts';

const escape = (text: string) =>
  text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what it removes
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** A MUST without its evidence is a JUnit <error>; a SHOULD without it (it cannot fail the run) is not. */
const isError = (r: RequirementResult) => r.status === 'inconclusive' && r.level === 'MUST';

function testCase(r: RequirementResult): string {
  const name = escape(`${r.id} [${r.level}] ${r.title}`);
  const evidence = escape(r.evidence.join('\n'));
  const why = escape(`${r.id} inconclusive: ${r.evidence[0] ?? 'not enough evidence'}`);
  const note =
    r.status === 'warn' ? 'WARNING (SHOULD not met)\n' : r.status === 'inconclusive' ? 'INCONCLUSIVE (a SHOULD)\n' : '';
  const inner =
    r.status === 'fail'
      ? `<failure message="${escape(`${r.id} failed`)}" type="${r.level}">${evidence}</failure>`
      : isError(r)
        ? `<error message="${why}" type="inconclusive">${evidence}</error>`
        : `<system-out>${note}${evidence}</system-out>`;
  return `    <testcase classname="token-suite.${r.layer}" name="${name}">${inner}</testcase>`;
}

/**
 * The settings that loosened a requirement, then the notes a reader must see before trusting the verdict (e.g.
 * TLS verification off), first in each suite.
 */
function properties(summary: Pick<Summary, 'notes' | 'loosened'>): string[] {
  const lines = [
    ...summary.loosened.map((line) => `      <property name="loosened" value="${escape(line)}"/>`),
    ...summary.notes.map((note) => `      <property name="note" value="${escape(note)}"/>`),
  ];
  if (lines.length === 0) return [];
  return ['    <properties>', ...lines, '    </properties>'];
}

function suite(name: string, cases: RequirementResult[], body: string[], summary: Summary): string {
  const failures = cases.filter((r) => r.status === 'fail').length;
  const errors = cases.filter(isError).length;
  const attributes = `tests="${body.length}" failures="${failures}" errors="${errors}"`;
  const inner = [...properties(summary), ...body];
  return `  <testsuite name="${escape(name)}" ${attributes}>\n${inner.join('\n')}\n  </testsuite>`;
}

function couldNotRun(summary: Summary): string {
  const message = escape(summary.error ?? 'the suite could not run');
  const error = `<error message="${message}" type="error">${message}</error>`;
  const body = `    <testcase classname="token-suite" name="token-suite verify ran">${error}</testcase>`;
  return `  <testsuite name="token-suite" tests="1" failures="0" errors="1">\n${body}\n  </testsuite>`;
}

export function renderJunit(summary: Summary): string {
  const layers = [...new Set(summary.requirements.map((r) => r.layer))];
  const suites =
    summary.verdict === 'error'
      ? [couldNotRun(summary)]
      : layers.map((layer) => {
          const cases = summary.requirements.filter((r) => r.layer === layer);
          return suite(`token-suite ${layer}`, cases, cases.map(testCase), summary);
        });
  const errors = summary.verdict === 'error' ? 1 : summary.requirements.filter(isError).length;
  const tests = summary.verdict === 'error' ? 1 : summary.requirements.length;
  const seconds = (summary.durationMs / 1000).toFixed(3);
  const attributes = `tests="${tests}" failures="${summary.counts.fail}" errors="${errors}" time="${seconds}"`;
  const name = `token-suite verify ${escape(summary.target)}`;
  const open = `<testsuites name="${name}" ${attributes}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', open, suites.join('\n'), '</testsuites>', ''].join('\n');
}
