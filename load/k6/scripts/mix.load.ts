// Scenario: the mix. Each iteration picks password, chain or race by TOKEN_SUITE_LOAD_MIX weights.
import { chooseFlow, createFlow } from '../../flows/mix.ts';
import { iterate, optionsFor } from './lib/scenario.ts';
import { settings } from './lib/settings.ts';
import { summaryFor } from './lib/summary.ts';

export const options = optionsFor('mix');
export default function (): void {
  iterate((context) => createFlow(chooseFlow(settings.flows.mix, Math.random()), context));
}
export const handleSummary = summaryFor('mix');
