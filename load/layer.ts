// The load layer of `token-suite verify`: runs the flows under load with the Node engine (or the
// user's k6), and turns what it measured into LOAD-* requirements and summary.json's `load` section.
import type { TlsTrust } from '../client/tls.ts';
import type { Layer, LayerContext, LayerOutcome } from '../verdict/types.ts';
import type { SocketTls } from './node/http/target.ts';
import { chooseK6, k6Outcome } from './k6/outcome.ts';
import { probeLiveness } from './liveness.ts';
import { runNodeEngine } from './node/engine.ts';
import { parseLoadSettings, placementOf, type LoadOverrides, type LoadSettings } from './settings.ts';
import { nodeLoadReport, type LoadReport } from './report/load-report.ts';
import { loadRequirements } from './report/requirements.ts';

export { parseLoadSettings, type LoadOverrides, type LoadSettings } from './settings.ts';
export type { LoadReport } from './report/load-report.ts';

/** The settings for a verify run: env knobs, with the target's URL, credentials and grace period. */
function settingsFor(context: LayerContext, overrides: LoadOverrides = {}, env = process.env): LoadSettings {
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
    {
      server: target.embedded ? 'embedded' : placementOf(target.baseUrl),
      timeoutMs: target.timeoutMs,
      ...(target.tls ? { tls: engineTls(target.tls) } : {}),
      ...overrides,
    },
  );
}

/** The run's TLS trust in the Node engine's terms (the extra CA is added to the default roots). */
function engineTls(trust: TlsTrust): SocketTls {
  return {
    rejectUnauthorized: !trust.insecure,
    ...(trust.caPem ? { ca: trust.caPem } : {}),
    ...(trust.certPem && trust.keyPem ? { cert: trust.certPem, key: trust.keyPem } : {}),
  };
}

/** The Node engine's run, as a LoadReport. */
async function runNodeLoad(context: LayerContext, settings: LoadSettings): Promise<LoadReport> {
  const model = settings.rate > 0 ? `open model, ${settings.rate} flow starts/s` : 'closed model';
  const threads = Math.min(settings.workers, settings.connections);
  context.log(
    `  Node engine, ${model}, ${settings.connections} connections on ${threads} worker thread(s), ` +
      `${context.durationSeconds} s against ${settings.flows.baseUrl}`,
  );
  const run = await runNodeEngine(settings, {
    durationSeconds: context.durationSeconds,
    signal: context.signal,
    ...(context.progress ? { onProgress: context.progress } : {}),
  });
  if (run.client.starved) context.log(`  the client was a limit: ${run.client.reasons.join('; ')}`);
  const report = nodeLoadReport(run, settings);
  if (!context.signal.aborted) report.liveness = await probeLiveness(context, settings.flows.format);
  return report;
}

export const loadLayer: Layer = {
  name: 'load',
  async run(context: LayerContext): Promise<LayerOutcome> {
    const settings = settingsFor(context, { ...context.load });
    const plan = await chooseK6(context, settings);
    const outcome = plan ? await k6Outcome(plan, settings, context) : nodeOutcome(await runNodeLoad(context, settings));
    const load = outcome.load as LoadReport | undefined;
    if (load)
      context.log(
        `  ${load.requests} requests, ${load.rps} req/s, p95 ${load.latency_ms.p95} ms, ${load.errors} unexpected`,
      );
    return outcome;
  },
};

function nodeOutcome(report: LoadReport): LayerOutcome {
  const load = report as unknown as Record<string, unknown>;
  return { requirements: loadRequirements(report), load };
}
