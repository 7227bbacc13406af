// Two runs can be compared only when the settings that change the figures are the same: engine, load model, rate,
// connections, duration, target, and whether the load ran at all. Each difference is one phrase; any is exit 2.
// The machine is not a setting: a baseline from another machine is a warning beside the comparison.
import type { MachineFacts, RunSettings } from '../verdict/machine.ts';
import type { Summary } from '../verdict/summary.ts';

type Known = Partial<RunSettings> & { load: boolean; target: string };
/** What comparability reads of a run: a whole summary, or what a run about to start already knows. */
export type RunFacts = Pick<Summary, 'load' | 'embedded' | 'target'> & { settings?: Partial<RunSettings> };

/** What a summary says about its settings (files before schemaVersion 2: what its load section shows). */
function knownSettings(summary: RunFacts): Known {
  const load = summary.load;
  const model = (load?.model as { kind?: unknown } | undefined)?.kind;
  const fromLoad: Partial<RunSettings> = {
    ...(typeof load?.engine === 'string' ? { engine: load.engine } : {}),
    ...(typeof load?.connections === 'number' ? { connections: load.connections } : {}),
    ...(model === 'open' || model === 'closed' ? { model } : {}),
  };
  return {
    ...fromLoad,
    ...summary.settings,
    load: load !== null,
    target: summary.embedded ? 'the embedded reference server' : originOf(summary.target),
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

const LABELS: Record<keyof Known, string> = {
  engine: 'engine',
  model: 'load model',
  rate: 'rate',
  connections: 'connections',
  duration_s: 'duration (s)',
  target: 'target',
  load: 'load layer ran',
};

/** "engine: node in the baseline, k6 now" for each setting both runs know and that differs. */
export function settingDifferences(old: RunFacts, now: RunFacts): string[] {
  const a = knownSettings(old);
  const b = knownSettings(now);
  const differences: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof Known)[]) {
    if (key !== 'load' && key !== 'target' && (!a.load || !b.load)) continue;
    if (a[key] === undefined || b[key] === undefined || a[key] === b[key]) continue;
    differences.push(`${LABELS[key]}: ${String(a[key])} in the baseline, ${String(b[key])} now`);
  }
  return differences;
}

/** Facts that differ between the two machines; the first ones say it is another machine. */
export function machineDifferences(old: MachineFacts | undefined, now: MachineFacts | undefined): string[] {
  if (!old || !now) return old === now ? [] : ['the baseline does not record its machine (an older token-suite)'];
  const out: string[] = [];
  if (old.cores !== now.cores) out.push(`cores: ${old.cores} in the baseline, ${now.cores} now`);
  if (old.cpu_model !== now.cpu_model) out.push(`CPU: ${old.cpu_model} in the baseline, ${now.cpu_model} now`);
  if (old.platform !== now.platform) out.push(`platform: ${old.platform} in the baseline, ${now.platform} now`);
  if (old.node !== now.node) out.push(`node: ${old.node} in the baseline, ${now.node} now`);
  if (old.k6 !== now.k6) out.push(`k6: ${old.k6 ?? 'none'} in the baseline, ${now.k6 ?? 'none'} now`);
  return out;
}
