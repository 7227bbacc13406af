// Runs the selected layers in order. A layer that crashes is the suite's problem, not the server's: its
// requirement SUITE-01 is inconclusive with the error as evidence, what it had judged before the crash
// stands, and the other layers still run.
import { stopReason } from '../client/transport.ts';
import { CannotRunError } from '../verdict/errors.ts';
import { lockoutCheck } from './lockout-check.ts';
import type { Layer, LayerContext, LayerOutcome, RequirementResult } from '../verdict/types.ts';

export interface LayersOutcome {
  requirements: RequirementResult[];
  load: Record<string, unknown> | null;
}

export async function runLayers(layers: Layer[], context: LayerContext): Promise<LayersOutcome> {
  const outcome: LayersOutcome = { requirements: [], load: null };
  for (const layer of layers) await layer.prepare?.(context);
  for (const [index, layer] of layers.entries()) {
    if (context.signal.aborted) {
      outcome.requirements.push(notRun(layer, `MISSING: ${stopReason(context.signal)} before this layer ran`));
      continue;
    }
    const locked = index > 0 ? await lockoutCheck(context) : undefined;
    if (locked) {
      outcome.requirements.push(notRun(layer, `MISSING: not run: ${locked}`));
      continue;
    }
    context.log(`${layer.name}:`);
    const result = await runLayer(layer, context);
    outcome.requirements.push(...result.requirements);
    if (result.load) outcome.load = result.load;
  }
  return outcome;
}

async function runLayer(layer: Layer, context: LayerContext): Promise<LayerOutcome> {
  const judged = new Map<string, RequirementResult>();
  try {
    return await layer.run({ ...context, judged: (result) => judged.set(result.id, result) });
  } catch (error) {
    // A layer that finds the suite cannot run (--engine k6 with a k6 that cannot run the bundle): exit 2.
    if (error instanceof CannotRunError) throw error;
    const stack = (error as Error).stack ?? String(error);
    const crashed = notRun(layer, `MISSING: the ${layer.name} layer crashed (a suite error): ${stack}`);
    return { requirements: [...judged.values(), crashed] };
  }
}

function notRun(layer: Layer, line: string): RequirementResult {
  return {
    id: 'SUITE-01',
    title: `The ${layer.name} layer ran to completion`,
    level: 'MUST',
    status: 'inconclusive',
    source: 'suite',
    evidence: [line],
    layer: layer.name,
    minimum: 'the layer runs to its end',
  };
}
