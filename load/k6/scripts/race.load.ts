// Scenario: refresh races. Several concurrent refreshes of one token (http.batch): exactly one wins.
import { RaceFlow } from '../../flows/race.ts';
import { iterate, optionsFor } from './lib/scenario.ts';
import { summaryFor } from './lib/summary.ts';

export const options = optionsFor('race');
export default function (): void {
  iterate((context) => new RaceFlow(context));
}
export const handleSummary = summaryFor('race');
