// The flows by name, and the weighted choice of the next flow in a mix. The choice is spread, not drawn:
// the n-th flow takes the point frac(n × φ') of the golden-ratio sequence, so any run of consecutive flows
// holds each kind in its share to within a flow or two. A random draw left a 4-second step of 24 flows
// with 20% fewer refreshes than the mix asks about one time in ten, and the capacity search took that
// shortfall for overload (the server answered everything it was asked).
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

/** φ' = (√5 − 1) / 2: the golden-ratio sequence's step, the most evenly spread of all. */
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** The point in [0, 1) for the flow numbered `index` (0, 1, 2, …) of a sequence starting at `offset`. */
export function mixPoint(index: number, offset = 0): number {
  const x = offset + index * GOLDEN;
  return x - Math.floor(x);
}
