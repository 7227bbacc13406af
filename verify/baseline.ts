// verify --baseline FILE: the baseline is read and checked before the run starts (a bad file, a baseline the run
// would overwrite, or settings that differ: exit 2 at once), then compared with the finished run.
import { resolve, join } from 'node:path';
import { settingDifferences } from '../baseline/comparable.ts';
import { compareRuns, type Comparison } from '../baseline/compare.ts';
import type { Tolerances } from '../baseline/figures.ts';
import { readSummaryFile } from '../baseline/read.ts';
import type { VerifySettings } from '../settings/verify.ts';
import { CannotRunError } from '../verdict/errors.ts';
import type { Summary } from '../verdict/summary.ts';

export interface Baseline {
  file: string;
  summary: Summary;
}

type ToleranceSettings = Pick<VerifySettings, 'latencyTolerance' | 'throughputTolerance' | 'errorRateTolerance'>;

export function tolerancesOf(settings: ToleranceSettings): Tolerances {
  return {
    latency: settings.latencyTolerance,
    throughput: settings.throughputTolerance,
    errorRate: settings.errorRateTolerance,
  };
}

export function readBaseline(settings: VerifySettings): Baseline | undefined {
  const file = settings.baseline;
  if (file === undefined) return undefined;
  if (resolve(file) === resolve(join(settings.reportDir, 'summary.json')))
    throw new CannotRunError(
      `--baseline ${file} is this run's own summary.json (--report-dir ${settings.reportDir}), which the run ` +
        'would overwrite; copy the baseline elsewhere first, or use another --report-dir.',
    );
  const summary = readSummaryFile(file);
  const differences = settingDifferences(summary, {
    load: settings.only.includes('load') ? {} : null,
    embedded: settings.baseUrl === undefined,
    target: settings.baseUrl ?? 'http://127.0.0.1/',
    settings: {
      ...(settings.engine === 'auto' ? {} : { engine: settings.engine }),
      model: settings.rate > 0 ? 'open' : 'closed',
      rate: settings.rate,
      connections: settings.connections,
      duration_s: settings.durationSeconds,
    },
  });
  if (differences.length > 0)
    throw new CannotRunError(
      `--baseline ${file} is not comparable with this run: ${differences.join('; ')}; ` +
        "rerun with the baseline's settings.",
    );
  return { file, summary };
}

export function compareWithBaseline(baseline: Baseline, now: Summary, settings: VerifySettings): Comparison {
  return compareRuns(baseline.summary, now, baseline.file, tolerancesOf(settings));
}
