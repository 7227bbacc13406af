// The capacity search's logic (--find-capacity), apart from running anything: which rate to try next, what
// one step showed, and what the steps add up to. A step holds when no load requirement failed and the
// offered rate was achieved (nothing dropped, no overload, nothing throttled); the capacity is the highest
// rate that held below the lowest that broke. The ramp goes up by `step` from `start` until a step breaks or
// `max` held; then the gap between the last rate that held and the first that broke is halved twice, to pin
// the capacity down without pushing the server much past it; a capacity that ran before the first break runs
// once more (nextRate).
import type { CapacityPlan, RequirementResult } from '../../verdict/types.ts';
import type { Endpoint } from '../flows/requests.ts';
import type { LoadReport } from '../report/load-report.ts';

/** Halvings of the gap after the first break. */
const REFINEMENTS = 2;
/** The break that is not a requirement: the offered rate was not achieved (overload, dropped starts). */
export const NOT_ACHIEVED = 'overloaded (offered rate not achieved)';
/** The break of a server that said "too many" (429, or 503 with Retry-After): at its capacity nothing is. */
export const THROTTLED = 'answers throttled';

export interface StepEndpoint {
  offered_rps: number | null;
  achieved_rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export interface CapacityStep {
  /** Offered flow starts per second. */
  rate: number;
  seconds: number;
  connections: number;
  achieved_flows_per_s: number | null;
  /** All requests answered per second. */
  achieved_rps: number;
  endpoints: Record<Endpoint, StepEndpoint>;
  held: boolean;
  /** What broke: requirement ids that failed, and NOT_ACHIEVED. */
  broke: string[];
  /** Requirements that could not be judged at this step (too little evidence): not a break, not a hold. */
  inconclusive: string[];
}

export interface CapacityResult {
  plan: CapacityPlan;
  /** The steps in the order they ran. */
  steps: CapacityStep[];
  /** The highest rate (flows/s) that held below the first break; null when the first step broke. */
  capacity_flows_per_s: number | null;
  /** Requests answered per second at that rate. */
  capacity_rps: number | null;
  /** For each thing that broke, the lowest rate at which it did. */
  first_broke: Record<string, number>;
  /** Every step up to `max` held: the capacity is at least `max`. */
  reached_max: boolean;
  summary: string;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function stepOf(
  rate: number,
  seconds: number,
  load: LoadReport,
  requirements: readonly RequirementResult[],
): CapacityStep {
  const failed = requirements.filter((r) => r.status === 'fail').map((r) => r.id);
  const broke = [...new Set(failed)];
  if (load.overload?.overloaded) broke.push(NOT_ACHIEVED);
  if ((load.throttled?.answers ?? 0) > 0) broke.push(THROTTLED);
  const endpoint = (e: Endpoint): StepEndpoint => {
    const f = load.endpoints[e];
    return {
      offered_rps: load.overload?.endpoints[e].offered_rps ?? null,
      achieved_rps: load.overload?.endpoints[e].achieved_rps ?? f.rps,
      p50_ms: f.latency_ms.p50,
      p95_ms: f.latency_ms.p95,
      p99_ms: f.latency_ms.p99,
    };
  };
  const endpoints = { token: endpoint('token'), refresh: endpoint('refresh') };
  return {
    rate,
    seconds,
    connections: load.connections,
    achieved_flows_per_s: load.overload?.achieved_flows_per_s ?? null,
    achieved_rps: round(endpoints.token.achieved_rps + endpoints.refresh.achieved_rps),
    endpoints,
    held: broke.length === 0,
    broke,
    inconclusive: requirements.filter((r) => r.status === 'inconclusive').map((r) => r.id),
  };
}

/** The bracket: the lowest rate that broke, and the highest that held below it (null: none yet). */
function bracket(steps: readonly CapacityStep[]) {
  const broken = steps.filter((s) => !s.held).map((s) => s.rate);
  const hi = broken.length ? Math.min(...broken) : null;
  const held = steps.filter((s) => s.held && (hi === null || s.rate < hi)).map((s) => s.rate);
  return { hi, lo: held.length ? Math.max(...held) : null };
}

/** The next rate to try (to the hundredth, which both engines run), or null when the search is over. */
export function nextRate(plan: CapacityPlan, steps: readonly CapacityStep[]): number | null {
  const fit = (r: number) => round(r);
  if (steps.length === 0) return fit(plan.start);
  const { hi, lo } = bracket(steps);
  if (hi === null) {
    const last = Math.max(...steps.map((s) => s.rate));
    if (last >= plan.max) return null;
    return fit(Math.min(plan.max, last + plan.step));
  }
  if (lo === null) return null;
  const firstBreak = steps.findIndex((s) => !s.held);
  // The capacity found is run once more when it last ran before the first break: a server that tires as it
  // runs held that rate early and may not any more (then the bracket moves down, and the next lower rate
  // gets its second look too).
  const confirm = () => (steps.some((s, i) => s.rate === lo && i > firstBreak) ? null : lo);
  if (steps.length - 1 - firstBreak >= REFINEMENTS) return confirm();
  const mid = fit((lo + hi) / 2);
  return mid > lo && mid < hi ? mid : confirm();
}

export function capacityOf(plan: CapacityPlan, steps: readonly CapacityStep[]): CapacityResult {
  const { hi, lo } = bracket(steps);
  const at = lo === null ? undefined : steps.find((s) => s.rate === lo);
  const first_broke: Record<string, number> = {};
  for (const step of [...steps].sort((a, b) => a.rate - b.rate))
    for (const what of step.broke) first_broke[what] ??= step.rate;
  const reached_max = hi === null && lo !== null && lo >= plan.max;
  // Rates that held, then broke on a second look: the server got slower during the search.
  const tired = [...new Set(steps.filter((s) => s.held).map((s) => s.rate))].filter((rate) =>
    steps.some((s) => s.rate === rate && !s.held),
  );
  const tiredNote = tired.length
    ? `; ${tired.join(', ')} flows/s held early in the search and broke when run again: the server got slower ` +
      'as the search went on, so what it takes depends on how long it has run'
    : '';
  const broke = Object.entries(first_broke)
    .map(([what, rate]) => `${what} at ${rate} flows/s`)
    .join(', ');
  // The verdict is the capacity step's: requirements a short step could not judge leave it inconclusive.
  const unjudged = at?.inconclusive.length
    ? `; at ${lo} flows/s ${at.inconclusive.join(', ')} had too little evidence in a ${at.seconds} s step, so the ` +
      `verdict is inconclusive (exit 3): \`verify --only load --rate ${lo}\` judges them at that rate`
    : '';
  const summary =
    lo === null
      ? `no capacity found: the first rate tried (${steps[0]?.rate ?? plan.start} flows/s) already broke (${broke})`
      : `capacity: ${lo} flows/s (${at?.achieved_rps ?? '?'} requests/s answered), the highest rate at which ` +
        'no load requirement failed and the offered rate was achieved' +
        (reached_max ? ` (the most tried: the server may take more)` : `; first broke: ${broke}`) +
        tiredNote +
        unjudged;
  return {
    plan,
    steps: [...steps],
    capacity_flows_per_s: lo,
    capacity_rps: at?.achieved_rps ?? null,
    first_broke,
    reached_max,
    summary,
  };
}

/** One console line per step. */
export function stepLine(step: CapacityStep): string {
  const e = (name: Endpoint) => {
    const f = step.endpoints[name];
    return `${name} ${f.achieved_rps} req/s p50 ${f.p50_ms} p95 ${f.p95_ms} ms`;
  };
  const achieved = step.achieved_flows_per_s === null ? '?' : step.achieved_flows_per_s;
  const unjudged = step.inconclusive.length
    ? ` (${step.inconclusive.join(', ')} inconclusive: too short to judge)`
    : '';
  const verdict = step.held ? `held${unjudged}` : `broke: ${step.broke.join(', ')}`;
  return `  ${step.rate} flows/s offered, ${achieved} achieved; ${e('token')}; ${e('refresh')}: ${verdict}`;
}
