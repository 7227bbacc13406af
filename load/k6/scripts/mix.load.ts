// Scenario: the mix. Each iteration picks password, chain or race by TOKEN_SUITE_LOAD_MIX weights, spread
// evenly over the test's iterations (mixPoint of k6's iteration number in the test, unique across VUs).
import exec from 'k6/execution';
import { chooseFlow, createFlow, mixPoint } from '../../flows/mix.ts';
import { iterate, optionsFor } from './lib/scenario.ts';
import { settings } from './lib/settings.ts';
import { summaryFor } from './lib/summary.ts';

export const options = optionsFor('mix');
export default function (): void {
  iterate((context) => createFlow(chooseFlow(settings.flows.mix, mixPoint(exec.scenario.iterationInTest)), context));
}
export const handleSummary = summaryFor('mix');
