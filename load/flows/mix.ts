// The flows by name, and the weighted choice of the next flow in a mix.
import { ChainFlow } from './chain.ts';
import { FLOW_KINDS, type Flow, type FlowContext, type FlowKind } from './flow.ts';
import { PasswordFlow } from './password.ts';
import { RaceFlow } from './race.ts';

export function createFlow(kind: FlowKind, context: FlowContext): Flow {
  if (kind === 'chain') return new ChainFlow(context);
  if (kind === 'race') return new RaceFlow(context);
  return new PasswordFlow(context);
}

/** Picks a flow kind with probability proportional to its weight; `random` is in [0, 1). */
export function chooseFlow(mix: Record<FlowKind, number>, random: number): FlowKind {
  const total = FLOW_KINDS.reduce((sum, kind) => sum + mix[kind], 0);
  let point = random * total;
  for (const kind of FLOW_KINDS) {
    point -= mix[kind];
    if (point < 0) return kind;
  }
  return 'chain';
}
