// `token-suite compare OLD NEW`: two summary.json files, compared as `verify --baseline` would. Exit 0: no
// regression; 1: a regression (BASE-* failed); 2: a file cannot be used or the runs are not comparable;
// 3: a figure could not be measured (too few windows). Nothing is written but, on GitHub Actions, the job summary.
import { compareRuns } from '../baseline/compare.ts';
import { readSummaryFile } from '../baseline/read.ts';
import { renderComparison } from '../reporting/console/baseline.ts';
import { appendStepSummary, requirementAnnotations } from '../reporting/github.ts';
import { comparisonMarkdown } from '../reporting/markdown.ts';
import { renderFlagHelp } from '../settings/help.ts';
import { TOLERANCE_SETTINGS } from '../settings/baseline.ts';
import { readSettings } from '../settings/read.ts';
import { exitCodeOf } from '../verdict/summary.ts';
import { tolerancesOf } from '../verify/baseline.ts';
import { parseFlags } from './args.ts';
import { UsageError } from './usage-error.ts';

export const COMPARE_USAGE = [
  'token-suite compare BASELINE.json NEW.json [options]',
  '  Compares two runs (their summary.json): requirement changes, and per endpoint throughput and latency with',
  "  each change's 95% interval over the runs' per-second windows (docs/baseline.md).",
  ...renderFlagHelp(TOLERANCE_SETTINGS, 28),
  '  Exit codes: 0 no regression; 1 a regression (BASE-01 latency, BASE-02 throughput, BASE-03 a requirement that',
  '  passed before, BASE-04 error rate); 2 a file cannot be read or the runs are not comparable; 3 a figure could',
  '  not be measured.',
].join('\n');

export function compareCommand(args: string[]): Promise<number> {
  const { files, rest } = splitPositionals(args);
  if (files.length !== 2)
    throw new UsageError(
      `compare needs two summary.json files, the baseline then the new run (got ${files.length}); ` +
        'see token-suite compare --help.',
    );
  const [oldFile, newFile] = files as [string, string];
  const settings = readSettings(TOLERANCE_SETTINGS, {
    env: process.env,
    flags: parseFlags(rest, TOLERANCE_SETTINGS, 'compare'),
  });
  const old = readSummaryFile(oldFile);
  const now = readSummaryFile(newFile);
  const comparison = compareRuns(old, now, oldFile, tolerancesOf(settings), newFile);
  console.log(renderComparison(comparison).join('\n'));
  const results = comparison.results;
  const verdict = results.some((r) => r.status === 'fail')
    ? 'fail'
    : results.some((r) => r.status === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  for (const r of results.filter((r) => r.status !== 'pass')) {
    const notable = r.evidence.filter((line) => !/: (within|improvement) \(/.test(line));
    console.log([`${r.status.toUpperCase()} ${r.id} ${r.title}`, ...notable.map((line) => `  ${line}`)].join('\n'));
  }
  const code = exitCodeOf({ verdict, interrupted: false });
  appendStepSummary(
    [`## token-suite compare: ${verdict.toUpperCase()} (exit ${code})`, '', ...comparisonMarkdown(comparison)].join(
      '\n',
    ),
  );
  for (const line of requirementAnnotations(results)) console.log(line);
  console.log(`compare: ${verdict === 'pass' ? 'no regression' : verdict.toUpperCase()} (exit ${code})`);
  return Promise.resolve(code);
}

/** The arguments that are not flags nor a flag's value. */
function splitPositionals(args: string[]): { files: string[]; rest: string[] } {
  const valued = new Set(Object.values(TOLERANCE_SETTINGS).map((s) => `--${s.flag}`));
  const files: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (valued.has(arg)) rest.push(arg, ...(args[i + 1] === undefined ? [] : [args[(i += 1)]!]));
    else if (arg.startsWith('-') && arg !== '-') rest.push(arg);
    else files.push(arg);
  }
  return { files, rest };
}
