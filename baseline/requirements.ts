// The comparison's own requirements. A regression fails them (exit 1); an improvement is reported, never failed.
// BASE-01 latency (p50, p95), BASE-02 throughput, BASE-04 error rate, per endpoint, each against its tolerance and
// beyond the runs' noise; BASE-03 every requirement that passed in the baseline still passes. A figure that could
// not be measured (too few windows) leaves its requirement inconclusive unless another figure failed it.
import type { RequirementResult } from '../verdict/types.ts';
import { describeDelta } from './describe.ts';
import type { EndpointDelta, FigureName, Tolerances } from './figures.ts';
import type { RequirementChanges } from './requirement-changes.ts';

const SOURCE = 'suite (--baseline)';
const WINDOWS =
  'both runs: four or more complete per-second windows per endpoint (five or more answers each for latency)';

interface FigureRequirement {
  id: string;
  title: (t: Tolerances) => string;
  figures: FigureName[];
}

const FIGURE_REQUIREMENTS: FigureRequirement[] = [
  {
    id: 'BASE-01',
    title: (t) => `p50 and p95 latency per endpoint at most ${t.latency}% above the baseline's (beyond noise)`,
    figures: ['p50', 'p95'],
  },
  {
    id: 'BASE-02',
    title: (t) => `Throughput per endpoint at most ${t.throughput}% below the baseline's (beyond noise)`,
    figures: ['throughput'],
  },
  {
    id: 'BASE-04',
    title: (t) =>
      `Error rate per endpoint at most ${t.errorRate} percentage points above the baseline's (beyond noise)`,
    figures: ['error_rate'],
  },
];

export function baselineRequirements(
  endpoints: EndpointDelta[],
  changes: RequirementChanges,
  tolerances: Tolerances,
): RequirementResult[] {
  const figureResults = endpoints.length === 0 ? [] : FIGURE_REQUIREMENTS.map((r) => judged(r, endpoints, tolerances));
  return [...figureResults, requirementsStillPass(changes)].sort((a, b) => a.id.localeCompare(b.id));
}

function judged(requirement: FigureRequirement, endpoints: EndpointDelta[], tolerances: Tolerances): RequirementResult {
  const deltas = endpoints.flatMap((e) =>
    e.figures.filter((f) => requirement.figures.includes(f.figure)).map((f) => ({ endpoint: e.endpoint, f })),
  );
  const lines = (judgement: string) =>
    deltas
      .filter(({ f }) => f.judgement === judgement)
      .map(({ endpoint, f }) => describeDelta(endpoint, f, tolerances));
  const regressions = lines('regression');
  const unmeasured = lines('unmeasured');
  const others = deltas
    .filter(({ f }) => f.judgement === 'within' || f.judgement === 'improvement')
    .map(({ endpoint, f }) => describeDelta(endpoint, f, tolerances));
  const status = regressions.length > 0 ? 'fail' : unmeasured.length > 0 ? 'inconclusive' : 'pass';
  return {
    id: requirement.id,
    title: requirement.title(tolerances),
    level: 'MUST',
    status,
    source: SOURCE,
    evidence: [...regressions, ...unmeasured, ...others],
    minimum: WINDOWS,
    layer: 'baseline',
  };
}

function requirementsStillPass(changes: RequirementChanges): RequirementResult {
  const failing = changes.newlyFailing.map(
    (c) => `${c.id} (${c.level}) passed in the baseline, now ${c.now}: ${c.evidence}`,
  );
  const fixed = changes.fixed.map((c) => `${c.id} was ${c.old} in the baseline, now passes`);
  const inconclusive = changes.newlyInconclusive.map((c) => `${c.id} passed in the baseline, now inconclusive`);
  return {
    id: 'BASE-03',
    title: 'Every requirement that passed in the baseline still passes',
    level: 'MUST',
    status: failing.length > 0 ? 'fail' : changes.compared === 0 ? 'inconclusive' : 'pass',
    source: SOURCE,
    evidence:
      failing.length + fixed.length + inconclusive.length > 0
        ? [...failing, ...inconclusive, ...fixed]
        : [`${changes.compared} requirements judged by both runs, none changed its status`],
    minimum: 'one requirement judged by both runs',
    layer: 'baseline',
  };
}
