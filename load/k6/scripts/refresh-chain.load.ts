// Scenario: refresh chains. A grant, N rotations, one replay (rejected) and a family probe (rejected).
import { ChainFlow } from '../../flows/chain.ts';
import { iterate, optionsFor } from './lib/scenario.ts';
import { summaryFor } from './lib/summary.ts';

export const options = optionsFor('refresh-chain');
export default function (): void {
  iterate((context) => new ChainFlow(context));
}
export const handleSummary = summaryFor('refresh-chain');
