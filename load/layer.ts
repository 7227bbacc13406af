// The load layer of `token-suite verify`: runs the flows under load with the Node engine (or the
// user's k6), and turns what it measured into LOAD-* requirements and summary.json's `load` section.
import type { TlsTrust } from '../client/tls.ts';
import type { CapacityPlan, Layer, LayerContext, LayerOutcome } from '../verdict/types.ts';
import type { SocketTls } from './node/http/target.ts';
import { chooseK6, k6Outcome } from './k6/outcome.ts';
import { probeLiveness } from './liveness.ts';
import { runnersOutcome } from './k6/runners.ts';
import { stepPlan, type K6Plan } from './k6/engine.ts';
import { findCapacity } from './capacity/run.ts';
import { runNodeEngine } from './node/engine.ts';
import { parseLoadSettings, placementOf, type LoadOverrides, type LoadSettings } from './settings.ts';
import { nodeLoadReport, type LoadReport } from './report/load-report.ts';
import { loadRequirements } from './report/requirements.ts';
import { loadResultLines } from './report/console-lines.ts';

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
  const bound = context.maxDurationSeconds ?? 0;
  const extend = bound > context.durationSeconds ? ` (up to ${bound} s until the minimums are met)` : '';
  context.log(
    `  Node engine, ${model}, ${settings.connections} connections on ${threads} worker thread(s), ` +
      `${context.durationSeconds} s${extend} against ${settings.flows.baseUrl}`,
  );
  const run = await runNodeEngine(settings, {
    durationSeconds: context.durationSeconds,
    ...(context.maxDurationSeconds === undefined ? {} : { maxDurationSeconds: context.maxDurationSeconds }),
    log: context.log,
    signal: context.signal,
    ...(context.progress ? { onProgress: context.progress } : {}),
  });
  if (run.client.starved) context.log(`  the client was a limit: ${run.client.reasons.join('; ')}`);
  const report = nodeLoadReport(run, settings);
  if (!context.signal.aborted) report.liveness = await probeLiveness(context, settings.flows.format);
  return report;
}

/** The k6 plan prepare() chose for a run (null: the Node engine), so run() never meets an unusable k6 late. */
const prepared = new WeakMap<LayerContext, Promise<K6Plan | null>>();

function layerSettings(context: LayerContext): LoadSettings {
  const { maxThrottledShare, ...knobs } = context.load ?? {};
  const thresholds = maxThrottledShare === undefined ? {} : { thresholds: { maxThrottledShare } };
  return settingsFor(context, { ...knobs, ...thresholds });
}

export const loadLayer: Layer = {
  name: 'load',
  async prepare(context: LayerContext): Promise<void> {
    const plan = chooseK6(context, layerSettings(context));
    prepared.set(context, plan);
    await plan;
  },
  async run(context: LayerContext): Promise<LayerOutcome> {
    const settings = layerSettings(context);
    const plan = await (prepared.get(context) ?? chooseK6(context, settings));
    if (context.capacity) return capacityOutcome(context, context.capacity, settings, plan);
    const outcome = !plan
      ? nodeOutcome(await runNodeLoad(context, settings))
      : settings.runners > 1
        ? await runnersOutcome(plan, settings, context)
        : await k6Outcome(plan, settings, context);
    for (const r of outcome.requirements) context.judged?.(r);
    const load = outcome.load as LoadReport | undefined;
    if (load) for (const line of loadResultLines(load, outcome.requirements)) context.log(line);
    return outcome;
  },
};

function nodeOutcome(report: LoadReport): LayerOutcome {
  const load = report as unknown as Record<string, unknown>;
  return { requirements: loadRequirements(report), load };
}

/**
 * --find-capacity: open-model steps with either engine, at the same rates (k6's to the hundredth: its arrival
 * rate is then whole iterations per 100 s, profiles.ts arrivalRateOf). Each step gets at least 4 connections
 * (k6: pre-allocated VUs) per flow/s offered, so that flows of up to 4 s each fit: fewer would drop starts at
 * the client, not the server.
 */
async function capacityOutcome(
  context: LayerContext,
  capacity: CapacityPlan,
  settings: LoadSettings,
  plan: K6Plan | null,
): Promise<LayerOutcome> {
  const runStep = async (rate: number, seconds: number) => {
    const step = { ...settings, rate, connections: Math.max(settings.connections, Math.ceil(4 * rate)) };
    // A step lasts its length: the search compares steps of one length, never extended for the minimums.
    const stepContext = { ...context, durationSeconds: seconds, maxDurationSeconds: seconds };
    if (plan) return k6Outcome(stepPlan(plan, step, seconds), step, stepContext);
    return nodeOutcome(await runNodeLoad(stepContext, step));
  };
  try {
    const outcome = await findCapacity(capacity, context, runStep);
    const load = outcome.load as LoadReport | undefined;
    if (load?.endpoints) {
      context.log(`  at ${outcome.capacity.capacity_flows_per_s ?? outcome.capacity.steps[0]?.rate} flows/s:`);
      for (const line of loadResultLines(load, outcome.requirements)) context.log(line);
    }
    return outcome;
  } finally {
    plan?.clear();
  }
}
