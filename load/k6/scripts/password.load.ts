// Scenario: password grants only (CPU-heavy on servers that hash passwords).
import { PasswordFlow } from '../../flows/password.ts';
import { iterate, optionsFor } from './lib/scenario.ts';
import { summaryFor } from './lib/summary.ts';

export const options = optionsFor('password');
export default function (): void {
  iterate((context) => new PasswordFlow(context));
}
export const handleSummary = summaryFor('password');
