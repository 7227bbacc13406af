// handleSummary without remote imports (no jslib URLs): the bundles run offline.
// Writes <dir>/<name>-summary.json (k6's data plus the scenario's settings and the scope of its
// collision check) and <dir>/<name>-junit.xml; <dir> is reports/k6 unless TOKEN_SUITE_LOAD_SUMMARY_DIR
// says otherwise (k6 creates no folders: `npm run build` creates reports/k6).
import { reportDone } from './collector.ts';
import { settings } from './settings.ts';
import type { SummaryData } from './summary-data.ts';
import { compactSummary } from './text-summary.ts';

/** What the token-collision threshold could see: k6 VUs share no memory. */
const COLLISION_SCOPE = settings.collectorUrl
  ? 'token collisions: checked across all VUs by the token-suite collector'
  : 'token collisions: checked within each VU only (k6 VUs share no memory); ' +
    '`token-suite verify --engine k6` checks them across all VUs';

export function summaryFor(name: string) {
  return (data: SummaryData): Record<string, string> => {
    reportDone(data);
    // A folder given (verify, each runner): its own, so one name; else reports/k6, shared by every run: a
    // name per run (its UTC start to the second), so a run never overwrites the last one's files.
    const base = `${settings.summaryDir}/${name}${settings.summaryDirGiven ? '' : `-${stamp(data)}`}`;
    const tokenSuite = {
      scenario: name,
      profile: settings.profile,
      baseUrl: settings.flows.baseUrl,
      collisionScope: settings.collectorUrl ? 'all-vus' : 'per-vu',
    };
    const files = [`${base}-summary.json`, `${base}-junit.xml`];
    return {
      stdout: `${textSummary(name, data)}  ${COLLISION_SCOPE}\n  summary files: ${files.join(', ')}\n`,
      [`${base}-summary.json`]: JSON.stringify({ ...data, token_suite: tokenSuite }, null, 2),
      [`${base}-junit.xml`]: junit(name, data),
    };
  };
}

function textSummary(name: string, data: SummaryData): string {
  const lines = compactSummary(`token-suite k6 scenario ${name} (profile ${settings.profile})`, data);
  for (const metric of Object.keys(data.metrics).sort()) {
    const thresholds = data.metrics[metric]?.thresholds ?? {};
    for (const expression of Object.keys(thresholds))
      lines.push(`  ${thresholds[expression]?.ok ? 'ok  ' : 'FAIL'} ${metric}: ${expression}`);
  }
  for (const c of data.root_group?.checks ?? [])
    lines.push(`  check ${c.fails === 0 ? 'ok  ' : 'FAIL'} ${c.name} (${c.passes} passed, ${c.fails} failed)`);
  return `${lines.join('\n')}\n`;
}

function junit(name: string, data: SummaryData): string {
  const cases: string[] = [];
  let failures = 0;
  for (const metric of Object.keys(data.metrics).sort()) {
    const thresholds = data.metrics[metric]?.thresholds ?? {};
    for (const expression of Object.keys(thresholds)) {
      const ok = thresholds[expression]?.ok === true;
      failures += ok ? 0 : 1;
      const failure = ok ? '' : `<failure message="${xml(`${metric} ${expression} not met`)}"/>`;
      cases.push(
        `    <testcase classname="${xml(name)}" name="${xml(`${metric}: ${expression}`)}">${failure}</testcase>`,
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="k6 thresholds: ${xml(name)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 20261202T174501Z: when the run started (now less its length), for a file name. */
function stamp(data: SummaryData): string {
  const started = new Date(Date.now() - (data.state?.testRunDurationMs ?? 0));
  return started
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
