// `token-suite verify`: the verdict on any implementation of the echon token API.
import { findK6 } from '../load/k6/engine.ts';
import { parseLoadSettings } from '../load/layer.ts';
import { renderEnvHelp, renderFlagHelp } from '../settings/help.ts';
import { readSettings } from '../settings/read.ts';
import { LAYER_NAMES, VERIFY_SETTINGS, type VerifySettings } from '../settings/verify.ts';
import { Redactor } from '../verdict/redact.ts';
import { createLoadProgressView } from '../reporting/console/load-progress.ts';
import { renderVerdictBlock } from '../reporting/console/verdict.ts';
import { renderComparison } from '../reporting/console/baseline.ts';
import type { Comparison } from '../baseline/compare.ts';
import { verify } from '../verify/run.ts';
import { errorSentence } from '../reporting/error-summary.ts';
import { reportCannotRun } from './error-reports.ts';
import { exitCodeOf, type Summary } from '../verdict/summary.ts';
import { annotations, appendStepSummary, githubError } from '../reporting/github.ts';
import { cell, renderMarkdown } from '../reporting/markdown.ts';
import { parseFlags } from './args.ts';
import { LAYERS } from './layers.ts';
import { onInterrupt } from './interrupt.ts';
import { UsageError } from './usage-error.ts';

const EXIT_CODE_HELP = [
  "Exit codes: 0 every MUST passed; 1 a MUST failed (the server's fault); 2 the suite could not run or",
  '  judge (bad arguments, unreachable target, configuration mistake, internal error); 3 no MUST failed but one is',
  '  inconclusive (not enough evidence); 130 interrupted (partial reports marked interrupted).',
].join('\n');

export const VERIFY_USAGE = [
  'token-suite verify [options]',
  ...renderFlagHelp(VERIFY_SETTINGS),
  '  Environment only (credentials and finer knobs; TOKEN_SUITE_LOAD_* in docs/load.md):',
  ...renderEnvHelp(VERIFY_SETTINGS),
  `  ${EXIT_CODE_HELP}`,
].join('\n');

export async function verifyCommand(args: string[]): Promise<number> {
  const settings = await settingsOf(args);
  const controller = new AbortController();
  const stopListening = onInterrupt(() => {
    console.error('\ninterrupted: stopping, and writing what was measured so far (Ctrl-C again to quit at once)');
    controller.abort(new Error('interrupted (Ctrl-C)'));
  });
  if (settings.insecure)
    console.error('warning: TLS verification is off (--insecure): the target is not authenticated');
  const redactor = new Redactor(settings.password);
  const progress = createLoadProgressView({ tty: process.stderr.isTTY === true, quiet: settings.quiet });
  try {
    const { summary, files } = await verify({
      settings,
      layers: settings.only.map((name) => LAYERS[name]()),
      log: (line) => {
        // The live load line ends before anything else is printed (no progress after the load's result).
        process.stderr.write(progress.finish());
        if (!settings.quiet) console.log(line);
      },
      progress: (figures) => process.stderr.write(progress.update(figures)),
      signal: controller.signal,
      redactor,
    });
    process.stderr.write(progress.finish());
    if (summary.baseline && !settings.quiet)
      console.log(redactor.text(renderComparison(summary.baseline as unknown as Comparison).join('\n')));
    console.log(redactor.text(renderVerdictBlock(summary, files)));
    speakGitHub(summary, redactor);
    return exitCodeOf(summary);
  } catch (error) {
    speakGitHub(null, redactor, errorSentence(error));
    throw error;
  } finally {
    stopListening();
  }
}

/** On GitHub Actions only: the job summary and the annotations (the exit-2 sentence when the suite could not run). */
function speakGitHub(summary: Summary | null, redactor: Redactor, sentence?: string): void {
  const markdown = summary ? renderMarkdown(summary) : `## ⛔ token-suite: ERROR (exit 2)\n\n${cell(sentence ?? '')}\n`;
  appendStepSummary(redactor.text(markdown));
  const lines = summary ? annotations(summary) : githubError(sentence ?? '');
  for (const line of lines) console.log(redactor.text(line));
}

/** The run's settings; a usage error (exit 2) first writes the error reports where this run's would go. */
async function settingsOf(args: string[]): Promise<VerifySettings> {
  const startedAt = new Date();
  let settings: VerifySettings | undefined;
  try {
    settings = readSettings(VERIFY_SETTINGS, { env: process.env, flags: parseFlags(args, VERIFY_SETTINGS, 'verify') });
    if (settings.only.includes('load')) checkLoadSettings(settings);
    return settings;
  } catch (error) {
    const redactor = new Redactor(settings?.password ?? process.env.TOKEN_SUITE_PASSWORD ?? '');
    const layers = settings?.only ?? [...LAYER_NAMES];
    const run = { reportDir: settings?.reportDir, baseUrl: settings?.baseUrl, layers, startedAt, redactor };
    speakGitHub(null, redactor, await reportCannotRun(error, run, args));
    throw error;
  }
}

/** Bad TOKEN_SUITE_LOAD_* values and a missing k6 stop the run before it starts. */
function checkLoadSettings(settings: VerifySettings): void {
  try {
    parseLoadSettings(process.env, { timeoutMs: settings.timeoutMs });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}.`);
  }
  if (settings.runners > 1 && settings.engine !== 'k6')
    throw new UsageError('--runners runs several k6 processes: it needs --engine k6.');
  if (settings.engine === 'k6' && !findK6()) {
    throw new UsageError(
      '--engine k6: no k6 executable on the PATH; install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) ' +
        'or use --engine node.',
    );
  }
}
