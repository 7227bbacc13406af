// `token-suite collect`: the collector k6 runners report to (a k6-operator TestRun's pods, or the k6
// processes of `verify --runners`), judged once: summary.json, junit.xml and report.html with the load
// layer's requirement ids, the verdict block on stdout (what `kubectl logs` shows) and the exit code.
import { collect } from '../load/k6/collect/collect.ts';
import { MAX_VUS } from '../load/k6/collect/merge.ts';
import { BODY_LIMIT } from '../load/k6/collect/wire.ts';
import { parseLoadSettings } from '../load/layer.ts';
import { renderEnvHelp, renderFlagHelp } from '../settings/help.ts';
import { readSettings } from '../settings/read.ts';
import { COLLECT_SETTINGS, type CollectSettings } from '../settings/collect.ts';
import { reportCannotRun } from './error-reports.ts';
import { prepareReportDir, writeReports } from '../reporting/write.ts';
import { renderVerdictBlock } from '../reporting/console/verdict.ts';
import { CannotRunError } from '../verdict/errors.ts';
import { assertValidSummary, buildSummary, exitCodeOf } from '../verdict/summary.ts';
import { parseFlags } from './args.ts';
import { onInterrupt } from './interrupt.ts';
import { UsageError } from './usage-error.ts';

/** The target when no --base-url was given and no runner ended (none said what it loaded). */
const UNKNOWN_TARGET = 'http://unknown.invalid/';

export const COLLECT_USAGE = [
  'token-suite collect [options]',
  ...renderFlagHelp(COLLECT_SETTINGS),
  ...renderEnvHelp(COLLECT_SETTINGS),
  '  Thresholds: the TOKEN_SUITE_LOAD_* variables (docs/load.md), as the runners were given them.',
  '  Exit codes: as verify (0 pass, 1 a MUST failed, 2 could not run, 3 inconclusive: e.g. a runner',
  '  never ended; 130 interrupted).',
].join('\n');

export async function collectCommand(args: string[]): Promise<number> {
  const startedAt = new Date();
  let settings: CollectSettings | undefined;
  try {
    settings = readSettings(COLLECT_SETTINGS, {
      env: process.env,
      flags: parseFlags(args, COLLECT_SETTINGS, 'collect'),
    });
    return await collectWith(settings, startedAt);
  } catch (error) {
    const run = { reportDir: settings?.reportDir, baseUrl: settings?.baseUrl, layers: ['load' as const], startedAt };
    await reportCannotRun(error, run, args);
    throw error;
  }
}

async function collectWith(settings: CollectSettings, startedAt: Date): Promise<number> {
  const load = loadSettings(settings.baseUrl, settings.rotationGraceSeconds);
  await prepareReportDir(settings.reportDir).catch((error: Error) => {
    throw new CannotRunError(
      `Cannot write reports to ${settings.reportDir} (${error.message}); pick another --report-dir.`,
    );
  });
  const controller = new AbortController();
  const stopListening = onInterrupt(() => controller.abort(new Error('interrupted')));
  try {
    const result = await collect({
      ...settings.listen,
      runners: settings.runners,
      deadlineSeconds: settings.deadlineSeconds,
      runId: settings.runId,
      settings: load,
      log: (line) => console.log(line),
      signal: controller.signal,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')
        throw new CannotRunError(`cannot listen on ${settings.listen.host}:${settings.listen.port} (${error.code}).`);
      throw error;
    });
    const memory =
      `collector memory is bounded: ${result.load.uniqueness?.memoryBytes ?? 0} bytes of token digests ` +
      `(TOKEN_SUITE_LOAD_UNIQUE_CAPACITY), 32 bytes per timed request (at most 4,000,000), ${MAX_VUS} VUs ` +
      `remembered, bodies of at most ${BODY_LIMIT} bytes`;
    const summary = buildSummary({
      target: settings.baseUrl ?? result.baseUrl ?? UNKNOWN_TARGET,
      embedded: false,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      interrupted: result.ended === 'aborted',
      layers: ['load'],
      requirements: result.requirements,
      load: result.load as unknown as Record<string, unknown>,
      notes: [...result.notes, memory],
    });
    assertValidSummary(summary);
    const files = await writeReports(settings.reportDir, summary);
    console.log(renderVerdictBlock(summary, files));
    return exitCodeOf(summary);
  } finally {
    stopListening();
  }
}

function loadSettings(baseUrl: string | undefined, graceSeconds: number) {
  try {
    return parseLoadSettings({
      ...process.env,
      BASE_URL: baseUrl ?? UNKNOWN_TARGET,
      TOKEN_SUITE_ROTATION_GRACE_SECONDS: String(graceSeconds),
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}.`);
  }
}
