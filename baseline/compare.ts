// A run compared with a baseline run: exit 2 when they cannot be compared (settings that change the figures
// differ), else the requirement changes, the per-endpoint deltas, the machine facts side by side, and the BASE-*
// requirements that judge them. The baseline's per-second series travel along, for report.html's charts.
import { CannotRunError } from '../verdict/errors.ts';
import type { MachineFacts } from '../verdict/machine.ts';
import type { Summary } from '../verdict/summary.ts';
import type { RequirementResult } from '../verdict/types.ts';
import { machineDifferences, settingDifferences } from './comparable.ts';
import { endpointDeltas, type EndpointDelta, type Tolerances } from './figures.ts';
import { requirementChanges, type RequirementChanges } from './requirement-changes.ts';
import { baselineRequirements } from './requirements.ts';

export const METHOD =
  'Hodges-Lehmann shift of the per-second windows with its 95% Mann-Whitney interval (latency and throughput ' +
  'as ratios); error rate: difference of proportions with its 95% interval. A regression needs the whole ' +
  'interval beyond the tolerance (docs/baseline.md).';

export interface Comparison {
  baseline: {
    file: string;
    startedAt: string;
    target: string;
    version: string;
    verdict: string;
    /** The baseline's load duration (its series' last whole second). */
    duration_s: number | null;
  };
  tolerances: Tolerances;
  method: string;
  requirements: RequirementChanges;
  endpoints: EndpointDelta[];
  machine: { baseline: MachineFacts | null; now: MachineFacts | null; differences: string[] };
  /** What a reader must know before trusting the comparison (another machine, an interrupted run). */
  warnings: string[];
  /** The BASE-* requirements (also in the summary's requirements when verify ran with --baseline). */
  results: RequirementResult[];
  /** The baseline's load.series, for the charts. */
  series: unknown[];
}

/** Thrown when two runs differ in a setting that changes the figures: exit 2. */
export class NotComparableError extends CannotRunError {}

export function compareRuns(
  old: Summary,
  now: Summary,
  file: string,
  tolerances: Tolerances,
  nowName = 'this run',
): Comparison {
  const differences = settingDifferences(old, now);
  if (differences.length > 0)
    throw new NotComparableError(
      `${file} and ${nowName} are not comparable: ${differences.join('; ')}; rerun with the baseline's settings.`,
    );
  const endpoints = endpointDeltas(old.load, now.load, tolerances);
  const requirements = requirementChanges(old.requirements, now.requirements);
  const machine = machineDifferences(old.machine, now.machine);
  const warnings = [
    ...(machine.length > 0
      ? [`the baseline may come from another machine (${machine.join('; ')}): figures can differ for that alone`]
      : []),
    ...(old.interrupted ? ['the baseline run was interrupted (Ctrl-C): it measured less than a full run'] : []),
    ...(now.interrupted ? ['this run was interrupted (Ctrl-C): it measured less than a full run'] : []),
  ];
  return {
    baseline: {
      file,
      startedAt: old.startedAt,
      target: old.target,
      version: old.tool.version,
      verdict: old.verdict,
      duration_s: typeof old.load?.duration_s === 'number' ? old.load.duration_s : null,
    },
    tolerances,
    method: METHOD,
    requirements,
    endpoints,
    machine: { baseline: old.machine ?? null, now: now.machine ?? null, differences: machine },
    warnings,
    results: baselineRequirements(endpoints, requirements, tolerances),
    series: Array.isArray(old.load?.series) ? (old.load.series as unknown[]) : [],
  };
}
