// `verify` as a function: resolve the target, run the layers, build, redact and write the reports.
import type { Credentials } from '../client/token-client.ts';
import { CannotRunError } from './errors.ts';
import { redactSummary } from './redact.ts';
import { ensureWritable, writeReports } from './reports/write.ts';
import { assertValidSummary, buildSummary, type Summary } from './summary.ts';
import { resolveTarget, unreachable } from './target.ts';
import type { Layer, LayerContext, LayerName, RequirementResult } from './types.ts';

export interface VerifyOptions {
  baseUrl?: string;
  layers: Layer[];
  reportDir: string;
  durationSeconds: number;
  engine: LayerContext['engine'];
  load?: LayerContext['load'];
  rotationGraceSeconds: number;
  timeoutMs: number;
  credentials: Credentials;
  log: (line: string) => void;
  signal: AbortSignal;
}

export interface VerifyResult {
  summary: Summary;
  files: string[];
}

export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  await ensureWritable(options.reportDir).catch((error: Error) => {
    throw new CannotRunError(
      `Cannot write reports to ${options.reportDir} (${error.message}); pick another --report-dir.`,
    );
  });
  const resolved = await resolveTarget(options.baseUrl);
  try {
    const problem = await unreachable(resolved.baseUrl, options.timeoutMs);
    if (problem) throw new CannotRunError(problem);
    const startedAt = new Date();
    const target = {
      baseUrl: resolved.baseUrl,
      credentials: options.credentials,
      timeoutMs: options.timeoutMs,
      rotationGraceSeconds: options.rotationGraceSeconds,
      embedded: resolved.embedded,
    };
    const context: LayerContext = {
      target,
      reportDir: options.reportDir,
      durationSeconds: options.durationSeconds,
      engine: options.engine,
      ...(options.load ? { load: options.load } : {}),
      log: options.log,
      signal: options.signal,
    };
    const requirements: RequirementResult[] = [];
    const html: string[] = [];
    const notes: string[] = [];
    let load: Record<string, unknown> | null = null;
    for (const layer of options.layers) {
      if (options.signal.aborted) break;
      options.log(`${layer.name}:`);
      const outcome = await runLayer(layer, context);
      requirements.push(...outcome.requirements);
      if (outcome.load) load = outcome.load;
      if (outcome.html) html.push(outcome.html);
      notes.push(...(outcome.notes ?? []));
    }
    const summary = redactSummary(
      buildSummary({
        target: resolved.baseUrl,
        embedded: resolved.embedded,
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        interrupted: options.signal.aborted,
        layers: options.layers.map((l) => l.name) as LayerName[],
        requirements,
        load,
        notes,
      }),
      options.credentials.password,
    );
    assertValidSummary(summary);
    return { summary, files: await writeReports(options.reportDir, summary, html) };
  } finally {
    await resolved.stop();
  }
}

/** A layer that crashes becomes a failed requirement with the error as evidence, never a lost report. */
async function runLayer(layer: Layer, context: LayerContext) {
  try {
    return await layer.run(context);
  } catch (error) {
    // The suite cannot run (e.g. --engine k6 with a k6 that cannot run the bundle): exit 2, not the server's.
    if (error instanceof CannotRunError) throw error;
    const failure: RequirementResult = {
      id: 'SUITE-01',
      title: `The ${layer.name} layer ran to completion`,
      level: 'MUST',
      status: 'fail',
      source: 'suite',
      evidence: [`FAILED: ${(error as Error).stack ?? String(error)}`],
      layer: layer.name,
    };
    return { requirements: [failure] };
  }
}
