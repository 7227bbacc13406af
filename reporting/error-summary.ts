// The reports of a run that could not run or judge (exit 2), for verify and collect alike: summary.json with
// verdict "error" and one sentence, junit.xml with one <error>, report.html and summary.md.
import { SettingError } from '../settings/setting.ts';
import { CannotRunError } from '../verdict/errors.ts';
import type { Redactor } from '../verdict/redact.ts';
import { buildSummary } from '../verdict/summary.ts';
import type { LayerName } from '../verdict/types.ts';
import { writeReports } from './write.ts';

/** The one sentence of an exit 2: what the user must fix, or the suite's own error (never the server's). */
export function errorSentence(error: unknown): string {
  if (error instanceof CannotRunError || error instanceof SettingError) return error.message;
  return `internal error (the suite's, not the server's): ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Every exit 2 leaves summary.json (verdict "error", the sentence), junit.xml (one <error>), report.html and
 * summary.md in the report directory, replacing a previous run's: a CI job never reads a stale verdict.
 */
export async function writeErrorReports(
  reportDir: string,
  run: { baseUrl: string | undefined; layers: LayerName[]; startedAt: Date },
  sentence: string,
  redactor: Redactor,
): Promise<void> {
  const summary = redactor.summary(
    buildSummary({
      target: run.baseUrl ?? 'http://127.0.0.1/',
      embedded: run.baseUrl === undefined,
      startedAt: run.startedAt.toISOString(),
      durationMs: Date.now() - run.startedAt.getTime(),
      interrupted: false,
      layers: run.layers,
      requirements: [],
      load: null,
      error: sentence,
    }),
  );
  await writeReports(reportDir, summary).catch(() => undefined);
}
