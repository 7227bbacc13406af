// Runs the capacity search: one open-model load run per step, at the rate search.ts picks, until it says
// stop. The layer's outcome is the run at the capacity (the highest rate that held; the first step when
// none did), with the whole ramp in summary.json's load.capacity.
import type { CapacityPlan, LayerContext, LayerOutcome } from '../../verdict/types.ts';
import type { LoadReport } from '../report/load-report.ts';
import { capacityOf, nextRate, stepLine, stepOf, type CapacityResult, type CapacityStep } from './search.ts';

/** One step: a load run at `rate` flows/s for `seconds`. */
export type StepRunner = (rate: number, seconds: number) => Promise<LayerOutcome>;

export interface CapacityOutcome extends LayerOutcome {
  capacity: CapacityResult;
}

export async function findCapacity(
  plan: CapacityPlan,
  context: Pick<LayerContext, 'log' | 'signal'>,
  runStep: StepRunner,
): Promise<CapacityOutcome> {
  const steps: CapacityStep[] = [];
  const outcomes = new Map<number, LayerOutcome>();
  context.log(
    `  capacity search: from ${plan.start} flows/s by ${plan.step} up to ${plan.max}, ${plan.stepSeconds} s a step`,
  );
  for (let rate = nextRate(plan, steps); rate !== null; rate = nextRate(plan, steps)) {
    if (context.signal.aborted) break;
    const outcome = await runStep(rate, plan.stepSeconds);
    const load = outcome.load as LoadReport | undefined;
    if (!load) return { ...outcome, capacity: capacityOf(plan, steps) };
    const step = stepOf(rate, plan.stepSeconds, load, outcome.requirements);
    steps.push(step);
    outcomes.set(rate, outcome);
    context.log(stepLine(step));
  }
  const capacity = capacityOf(plan, steps);
  context.log(`  ${capacity.summary}`);
  const chosen = outcomes.get(capacity.capacity_flows_per_s ?? steps[0]?.rate ?? -1) ?? { requirements: [] };
  return { ...chosen, load: { ...chosen.load, capacity }, capacity };
}
