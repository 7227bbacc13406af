// The load layer of `token-suite verify`: runs the flows under load with the Node engine (or the
// user's k6), and turns what it measured into LOAD-* requirements and summary.json's `load` section.
import type { Layer, LayerContext, LayerOutcome } from '../verify/types.ts';
import { findK6, runK6Engine } from './engine/k6-engine.ts';
import { runNodeEngine } from './engine/node-engine.ts';
import { parseLoadSettings, placementOf, type LoadOverrides, type LoadSettings } from './engine/settings.ts';
import { nodeLoadReport, type LoadReport } from './report/load-report.ts';
import { renderLoadCharts } from './report/charts.ts';
import { loadRequirements } from './report/requirements.ts';

export { renderLoadCharts } from './report/charts.ts';
export { parseLoadSettings, LOAD_ENV_VARS, type LoadOverrides, type LoadSettings } from './engine/settings.ts';
export type { LoadReport } from './report/load-report.ts';

/** The settings for a verify run: env knobs, with the target's URL, credentials and grace period. */
export function settingsFor(context: LayerContext, overrides: LoadOverrides = {}, env = process.env): LoadSettings {
  const { target } = context;
  return parseLoadSettings(
    {
      ...env,
      BASE_URL: target.baseUrl,
      TOKEN_SUITE_CLIENT_ID: target.credentials.clientId,
      TOKEN_SUITE_USERNAME: target.credentials.username,
      TOKEN_SUITE_PASSWORD: target.credentials.password,
      TOKEN_SUITE_ROTATION_GRACE_SECONDS: String(target.rotationGraceSeconds),
    },
    { server: target.embedded ? 'embedded' : placementOf(target.baseUrl), timeoutMs: target.timeoutMs, ...overrides },
  );
}

export async function runLoad(
  context: LayerContext,
  overrides: LoadOverrides = { ...context.load },
): Promise<LoadReport> {
  const settings = settingsFor(context, overrides);
  const k6 = context.engine === 'node' ? null : findK6();
  if (context.engine === 'k6' && !k6)
    throw new Error(
      '--engine k6: no k6 executable on the PATH (https://grafana.com/docs/k6/latest/set-up/install-k6/)',
    );
  if (k6) {
    context.log(`load: k6 (${k6}) for ${context.durationSeconds} s against ${settings.flows.baseUrl}`);
    return runK6Engine(k6, settings, context);
  }
  const model = settings.rate > 0 ? `open model, ${settings.rate} flow starts/s` : 'closed model';
  context.log(
    `load: Node engine, ${model}, ${settings.connections} connections on ${Math.min(settings.workers, settings.connections)} worker thread(s), ${context.durationSeconds} s against ${settings.flows.baseUrl}`,
  );
  const run = await runNodeEngine(settings, {
    durationSeconds: context.durationSeconds,
    signal: context.signal,
    ...(context.progress ? { onProgress: context.progress } : {}),
  });
  if (run.client.starved) context.log(`load: the client was a limit: ${run.client.reasons.join('; ')}`);
  return nodeLoadReport(run, settings);
}

export const loadLayer: Layer = {
  name: 'load',
  async run(context: LayerContext): Promise<LayerOutcome> {
    const report = await runLoad(context);
    context.log(
      `load: ${report.requests} requests, ${report.rps} req/s, p95 ${report.latency_ms.p95} ms, ${report.errors} unexpected`,
    );
    const load = report as unknown as Record<string, unknown>;
    return { requirements: loadRequirements(report), load, html: renderLoadCharts(load) };
  },
};
