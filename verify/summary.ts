// Builds summary.json from the layers' results, and checks it against its published schema.
import { validateSummary } from '../schemas/validators.ts';
import type { LayerName, RequirementResult, Status } from './types.ts';

export interface Summary {
  tool: { name: 'token-suite'; version: string };
  target: string;
  embedded: boolean;
  verdict: 'pass' | 'fail';
  startedAt: string;
  durationMs: number;
  interrupted: boolean;
  layers: LayerName[];
  counts: Record<Status, number>;
  requirements: RequirementResult[];
  load: Record<string, unknown> | null;
}

export const VERSION = '0.1.0';

export function buildSummary(input: Omit<Summary, 'tool' | 'verdict' | 'counts'>): Summary {
  const counts: Record<Status, number> = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const r of input.requirements) counts[r.status] += 1;
  const verdict = counts.fail === 0 && !input.interrupted ? 'pass' : 'fail';
  return { tool: { name: 'token-suite', version: VERSION }, verdict, counts, ...input };
}

export function assertValidSummary(summary: unknown): void {
  const valid = validateSummary(summary);
  if (!valid.ok) throw new Error(`internal error: summary.json does not match its schema: ${valid.message}`);
}
