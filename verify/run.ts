// `verify` as a function: clear the previous reports, resolve the target, preflight it, run the layers within
// the run's deadline, then build, redact, validate and write the reports. When the suite cannot run, the
// reports still say so (verdict "error"), so CI never reads a stale pass.
import { tlsTrust, TlsFileError, type TlsTrust } from '../client/tls.ts';
import { TransportError } from '../client/transport.ts';
import type { VerifySettings } from '../settings/verify.ts';
import { CannotRunError } from '../verdict/errors.ts';
import { preflight } from './preflight.ts';
import { runGuards } from '../client/run-guards.ts';
import { Probe } from '../conformance/probe.ts';
import { Redactor } from '../verdict/redact.ts';
import { prepareReportDir, writeReports } from '../reporting/write.ts';
import { errorSentence, writeErrorReports } from '../reporting/error-summary.ts';
import { runDeadline } from './run-deadline.ts';
import { retryWhileNotAnswering } from './wait-for.ts';
import { runLayers } from './run-layers.ts';
import { loosenedRequirements } from './loosened.ts';
import { assertValidSummary, buildSummary, type Summary } from '../verdict/summary.ts';
import { resolveTarget, type ResolvedTarget } from './target.ts';
import { compareWithBaseline, readBaseline } from './baseline.ts';
import type { Comparison } from '../baseline/compare.ts';
import { machineFacts, runSettings } from './machine.ts';
import type { CapacityPlan, Layer, LayerContext, LoadProgress, Target } from '../verdict/types.ts';

export interface VerifyOptions {
  settings: VerifySettings;
  layers: Layer[];
  log?: (line: string) => void;
  progress?: (figures: LoadProgress) => void;
  /** Aborted on Ctrl-C: the run stops promptly and writes what it measured. */
  signal?: AbortSignal;
  /** Redacts every line the run prints and reports; one is made from the password when not given. */
  redactor?: Redactor;
}

export interface VerifyResult {
  summary: Summary;
  files: string[];
}

export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const { settings } = options;
  const startedAt = new Date();
  const redactor = options.redactor ?? new Redactor(settings.password);
  const log = (line: string) => options.log?.(redactor.text(line));
  const baseline = readBaseline(settings); // before the report directory is cleared: exit 2 on a bad file
  const machine = await machineFacts();
  await prepareReportDir(settings.reportDir).catch((error: Error) => {
    throw new CannotRunError(
      `Cannot write reports to ${settings.reportDir} (${error.message}); pick another --report-dir.`,
    );
  });
  let resolved: ResolvedTarget | undefined;
  const deadline = runDeadline(settings, options.signal);
  try {
    const tls = trustOf(settings);
    resolved = await resolveTarget(settings.baseUrl);
    const target = targetOf(settings, resolved, tls);
    const notes = [
      ...resolved.notes,
      ...(tls?.insecure ? ['TLS verification is off (--insecure): the target was not authenticated'] : []),
    ];
    const loosened = loosenedRequirements(settings);
    for (const line of loosened) log(`loosened: ${line}`);
    const context: LayerContext = {
      target,
      reportDir: settings.reportDir,
      durationSeconds: settings.durationSeconds,
      maxDurationSeconds: settings.maxDurationSeconds,
      engine: settings.engine,
      load: {
        connections: settings.connections,
        rate: settings.rate,
        runners: settings.runners,
        maxThrottledShare: settings.maxThrottledShare,
      },
      ...(settings.findCapacity ? { capacity: capacityPlanOf(settings) } : {}),
      raceSize: settings.raceSize,
      log,
      note: (line) => notes.push(line),
      secrets: redactor,
      ...(options.progress ? { progress: options.progress } : {}),
      signal: deadline.signal,
      guards: runGuards(target.credentials, settings.throttleBudgetSeconds, deadline.signal),
    };
    const preflightOnce = (signal: AbortSignal) => checkPreflight({ ...context, signal });
    await retryWhileNotAnswering(preflightOnce, settings.waitForSeconds, deadline.signal, log);
    const outcome = await runLayers(options.layers, context);
    notes.push(...guardNotes(context));
    if (deadline.expired())
      notes.push(`the run stopped at its deadline of ${deadline.seconds} s (TOKEN_SUITE_RUN_DEADLINE)`);
    const input = {
      target: target.baseUrl,
      embedded: target.embedded,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      interrupted: options.signal?.aborted ?? false,
      layers: options.layers.map((l) => l.name),
      requirements: outcome.requirements,
      load: outcome.load,
      notes,
      loosened,
      machine,
      settings: runSettings(settings, outcome.load),
    };
    const comparison = baseline && compareWithBaseline(baseline, buildSummary(input), settings);
    const summary = redactor.summary(
      buildSummary(
        comparison
          ? {
              ...input,
              requirements: [...input.requirements, ...comparison.results],
              notes: [...notes, ...comparison.warnings],
              baseline: storedComparison(comparison),
            }
          : input,
      ),
    );
    assertValidSummary(summary);
    return { summary, files: await writeReports(settings.reportDir, summary) };
  } catch (error) {
    const run = { baseUrl: settings.baseUrl, layers: options.layers.map((l) => l.name), startedAt };
    await writeErrorReports(settings.reportDir, run, errorSentence(error), redactor);
    throw error;
  } finally {
    deadline.clear();
    await resolved?.stop();
  }
}

/** summary.json's baseline section: the comparison without its BASE-* results (they are in requirements). */
function storedComparison({ results: _, ...comparison }: Comparison): Record<string, unknown> {
  return { ...comparison };
}

function trustOf(settings: VerifySettings): TlsTrust | undefined {
  try {
    const trust = tlsTrust({
      caFile: settings.caFile,
      insecure: settings.insecure,
      certFile: settings.cert,
      keyFile: settings.key,
    });
    return trust.caPem || trust.insecure || trust.certPem ? trust : undefined;
  } catch (error) {
    if (error instanceof TlsFileError) throw new CannotRunError(error.message);
    throw error;
  }
}

function targetOf(settings: VerifySettings, resolved: ResolvedTarget, tls: TlsTrust | undefined): Target {
  const { clientId, username, password } = settings;
  return {
    baseUrl: resolved.baseUrl,
    credentials: { clientId, username, password },
    timeoutMs: settings.timeoutMs,
    rotationGraceSeconds: settings.rotationGraceSeconds,
    embedded: resolved.embedded,
    ...(tls ? { tls } : {}),
  };
}

/** Exit 2 with one sentence when the target or the configuration is not what the suite can verify. */
async function checkPreflight(context: LayerContext): Promise<void> {
  const probe = new Probe(context.target, context.signal, undefined, context.guards);
  try {
    const result = await preflight(probe);
    for (const line of result.evidence) context.log(`preflight: ${line}`);
  } catch (error) {
    if (!(error instanceof TransportError && error.kind === 'aborted')) throw error;
  } finally {
    for (const token of probe.tokens.keys()) context.secrets?.addToken(token);
    probe.close();
  }
}

/** What the run's guards saw: throttling waited out, failed logins made on the configured account. */
function guardNotes({ guards, target }: LayerContext): string[] {
  if (!guards) return [];
  const throttled = guards.throttle.summary();
  const { attempts, ghost } = guards.logins;
  const logins =
    `the run made ${attempts} failed logins on the configured username ${target.credentials.username} ` +
    `(at most 3 per run), every other wrong-credential case on ${ghost}, a username that cannot exist`;
  return [...(throttled ? [throttled] : []), ...(attempts > 0 ? [logins] : [])];
}

function capacityPlanOf(settings: VerifySettings): CapacityPlan {
  return {
    start: settings.capacityStart,
    step: settings.capacityStep,
    max: Math.max(settings.capacityMax, settings.capacityStart),
    stepSeconds: settings.capacityStepSeconds,
  };
}
