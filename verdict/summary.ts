// Builds summary.json from the layers' results, and checks it against its published schema.
import { validateSummary } from '../schemas/validators.ts';
import { SUMMARY_SCHEMA_VERSION, type MachineFacts, type RunSettings } from './machine.ts';
import type { LayerName, RequirementResult, Status, Verdict } from './types.ts';
import { TOOL_VERSION } from './version.ts';

export interface Summary {
  /** The format of this file (a reader refuses a newer one); absent in files written before it existed. */
  schemaVersion?: number;
  tool: { name: 'token-suite'; version: string };
  target: string;
  embedded: boolean;
  verdict: Verdict;
  /** Settings that loosened a requirement (a rotation grace, load thresholds above their defaults), and how. */
  loosened: string[];
  startedAt: string;
  durationMs: number;
  interrupted: boolean;
  layers: LayerName[];
  counts: Record<Status, number>;
  requirements: RequirementResult[];
  load: Record<string, unknown> | null;
  /** Things a reader must know to trust the verdict (an engine fallback, TLS verification off, ...). */
  notes: string[];
  /** What the run ran on (a comparison warns when the baseline ran elsewhere). */
  machine?: MachineFacts;
  /** The settings that change the load figures (a comparison refuses runs that differ in one). */
  settings?: RunSettings;
  /** verify --baseline: the comparison with the baseline run (baseline/compare.ts's Comparison). */
  baseline?: Record<string, unknown>;
  /** verdict 'error' only: the sentence that says why the suite could not run. */
  error?: string;
}

function countStatuses(requirements: readonly RequirementResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, fail: 0, warn: 0, inconclusive: 0 };
  for (const r of requirements) counts[r.status] += 1;
  return counts;
}

/** A MUST that failed decides; then an interruption; then a MUST without enough evidence. */
function verdictOf(requirements: readonly RequirementResult[], interrupted: boolean): Verdict {
  const must = requirements.filter((r) => r.level === 'MUST');
  if (must.some((r) => r.status === 'fail')) return 'fail';
  if (interrupted) return 'interrupted';
  if (must.some((r) => r.status === 'inconclusive')) return 'inconclusive';
  return 'pass';
}

const EXIT_CODES: Record<Verdict, number> = { pass: 0, fail: 1, error: 2, inconclusive: 3, interrupted: 130 };

/** The exit code of a run: 130 whenever it was interrupted, else the verdict's. */
export function exitCodeOf(summary: Pick<Summary, 'verdict' | 'interrupted'>): number {
  return summary.interrupted ? EXIT_CODES.interrupted : EXIT_CODES[summary.verdict];
}

type SummaryInput = Omit<Summary, 'tool' | 'verdict' | 'counts' | 'notes' | 'loosened'> & {
  notes?: string[];
  loosened?: string[];
};

export function buildSummary(input: SummaryInput): Summary {
  const verdict = input.error !== undefined ? 'error' : verdictOf(input.requirements, input.interrupted);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: 'token-suite', version: TOOL_VERSION }, // package.json's version
    verdict,
    loosened: [],
    counts: countStatuses(input.requirements),
    notes: [],
    ...input,
  };
}

export function assertValidSummary(summary: unknown): void {
  const valid = validateSummary(summary);
  if (!valid.ok) throw new Error(`internal error: summary.json does not match its schema: ${valid.message}`);
}
