// Every exit 2 of a command that writes reports (verify, collect) leaves the error reports where that
// run's reports would have gone, so a CI job or a pod's volume never holds a stale verdict: summary.json with
// verdict "error" and the sentence, junit.xml with one <error>, report.html and summary.md.
import { readSettings } from '../settings/read.ts';
import { VERIFY_SETTINGS, type LayerName } from '../settings/verify.ts';
import { Redactor } from '../verdict/redact.ts';
import { errorSentence, writeErrorReports } from '../reporting/error-summary.ts';

export interface FailedRun {
  /** Undefined when the arguments could not all be read: --report-dir is then read on its own. */
  reportDir: string | undefined;
  baseUrl: string | undefined;
  layers: LayerName[];
  startedAt: Date;
  redactor?: Redactor;
}

/** Writes the error reports of `error`; returns its one sentence. Never throws. */
export async function reportCannotRun(error: unknown, run: FailedRun, args: string[]): Promise<string> {
  const sentence = errorSentence(error);
  const redactor = run.redactor ?? new Redactor(process.env.TOKEN_SUITE_PASSWORD ?? '');
  await writeErrorReports(run.reportDir ?? reportDirOf(args), run, sentence, redactor);
  return sentence;
}

/** --report-dir (or TOKEN_SUITE_REPORT_DIR) read on its own, for arguments that could not all be read. */
function reportDirOf(args: string[]): string {
  const at = args.findIndex((a) => a === '--report-dir' || a.startsWith('--report-dir='));
  const arg = args[at] ?? '';
  const flag = at < 0 ? undefined : arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
  const table = { reportDir: VERIFY_SETTINGS.reportDir };
  try {
    return readSettings(table, { env: process.env, flags: { 'report-dir': flag } }).reportDir;
  } catch {
    return VERIFY_SETTINGS.reportDir.fallback;
  }
}
