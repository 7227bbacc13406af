// LOAD-06 on a shared machine: a slowdown, or a steady latency, that a neighbour may explain. The CPU the
// machine's other processes wanted (used + waited for, contention-sampler.ts) rose by OTHERS_RISE cores from
// the first third to the last: the slowdown may be the neighbour's, inconclusive, unless the neighbour took
// nothing from the run or too little to explain it. What it took shows in the run's own threads: how much
// longer their CPU work took than it would have alone (the stretch: run + wait over run, and the hypervisor's
// steal). A stretch that grew by under NO_STRETCH took no CPU (the neighbour found idle cores), though it
// still shares caches and memory (and SMT cores): it explains a slowdown up to STRETCH_MARGIN; with fixed
// users (closed model) latency grows with the stretch, its tail somewhat more (the reference server, two
// busy loops arriving for the last third: p95 x1.61 at a stretch grown x1.35), so a slowdown over
// STRETCH_MARGIN times its growth is more than the neighbour did. With an open model a queue near saturation
// can grow far more than the stretch: any growth of it leaves the slowdown inconclusive. (A json-snapshot-store
// server, 2x slower by its own doing, went inconclusive in CI while a neighbour wanted a quarter of a core
// more.) The other way round, a neighbour that left: neighbourLeft. Attacked: docs/load06-attack.md.

export const OTHERS_RISE = 0.25;
/** The run's own stretch grew by less than this: the neighbour took no CPU from it. */
export const NO_STRETCH = 1.1;
/** With fixed users, a slowdown over this many times the stretch's growth is more than a neighbour did. */
export const STRETCH_MARGIN = 1.5;

/** A figure's median over the windows of the first and of the last third (null where unreadable). */
export interface ThirdsFigure {
  first: number | null;
  last: number | null;
}

/** The figures a neighbour is judged on (Degradation's). */
interface Contended {
  others_cores: ThirdsFigure;
  stretch: ThirdsFigure;
}

const round = (n: number) => Math.round(n * 100) / 100;

const rose = (figure: ThirdsFigure) => (figure.last ?? 0) - (figure.first ?? 0);

/**
 * Whether the rest of the machine, busier in the last third (OTHERS_RISE), explains a slowdown by `slowdown`
 * (last over first): only by what it took from the run (the growth of its stretch; `closed`: fixed users,
 * whose latency grows as the stretch does). null when the machine did not get busier; else whether it
 * explains it, and the sentence that says why.
 */
export function neighbourOf(
  d: Contended,
  slowdown: number,
  closed: boolean,
): { explains: boolean; reason: string } | null {
  const others = d.others_cores;
  if (rose(others) < OTHERS_RISE) return null;
  const busier =
    `the machine got busier: the rest of the machine wanted ${others.last} cores in the last third, ` +
    `${others.first} in the first`;
  const { first, last } = d.stretch;
  if (first === null || last === null || first <= 0)
    return { explains: true, reason: `${busier}, so the slowdown may not be the server's` };
  const grew = round(last / first);
  const took =
    `it stretched the run's own CPU work ×${grew} (its threads' run + wait over run, and the hypervisor's ` +
    `steal: ×${first} in the first third, ×${last} in the last)`;
  // A neighbour that found idle cores still shares their caches, memory and (on SMT) the core itself, which
  // no wait shows: it explains a slowdown up to STRETCH_MARGIN, no more.
  if (grew < NO_STRETCH && slowdown > STRETCH_MARGIN)
    return {
      explains: false,
      reason:
        `${busier}, but ${took}: it found idle cores, and the ×${round(slowdown)} seen is more than sharing ` +
        `caches and memory explains (×${STRETCH_MARGIN}), so the slowdown is not its`,
    };
  if (grew < NO_STRETCH)
    return {
      explains: true,
      reason:
        `${busier}, and though ${took}, it shares caches and memory with the run: the ×${round(slowdown)} seen ` +
        `(up to ×${STRETCH_MARGIN}) may not be the server's`,
    };
  if (closed && slowdown > STRETCH_MARGIN * grew)
    return {
      explains: false,
      reason:
        `${busier}, but ${took}: that explains a slowdown up to ×${round(STRETCH_MARGIN * grew)} (fixed users' ` +
        `latency and a saturated server's throughput go with the stretch), not the ×${round(slowdown)} seen`,
    };
  return { explains: true, reason: `${busier}, and ${took}, so the slowdown may not be the server's` };
}

/**
 * The other way round: a neighbour that left. The rest of the machine wanted OTHERS_RISE fewer cores in the
 * last third and the run's own stretch shrank (by NO_STRETCH or more): the first third was slowed by the
 * neighbour, so a server slowing down by as much would look steady. A pass is no evidence when the latency's
 * rise (`ratio`, last over first), taken at the first third's stretch, would be past `factor`: the sentence
 * that says so, else null. (CI: json-snapshot-store passed LOAD-06, a neighbour of 3.64 cores in the first
 * third gone to 0.99 in the last, the stretch x2.42 then x1.51, p50 x1.42.)
 */
export function neighbourLeft(d: Contended, ratio: number, factor: number): string | null {
  const others = d.others_cores;
  if (-rose(others) < OTHERS_RISE) return null;
  const { first, last } = d.stretch;
  if (first === null || last === null || first <= 0 || last <= 0) return null;
  const grew = last / first;
  if (grew > 1 / NO_STRETCH || ratio / grew <= factor) return null;
  return (
    `the machine got quieter: the rest of the machine wanted ${others.first} cores in the first third, ` +
    `${others.last} in the last, and the run's own CPU work was stretched ×${first} then ×${last}: the first ` +
    `third was slowed by the neighbour, so the last third's ×${round(ratio)} could be a slowdown of ` +
    `×${round(ratio / grew)} (past ${factor}×); run again on a quieter machine`
  );
}
