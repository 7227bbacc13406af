// The change between two runs, with its uncertainty, from the per-second windows both runs record.
//
// Hodges-Lehmann estimate of the shift between two samples, with its distribution-free confidence interval
// from the Mann-Whitney (Wilcoxon rank-sum) statistic: the median of the n × m differences new_i - old_j, and
// the k-th smallest and k-th largest of them, k from the normal approximation of the rank-sum distribution
// (Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §4.2-4.3; Bauer, JASA 67 (1972);
// R's wilcox.test(conf.int = TRUE) computes it exactly for small samples). Rank-based: a few windows of a busy
// machine's hiccups move it little, and it assumes no distribution. Latency and throughput are compared as
// ratios: the shift of the logarithms, so "+25%" is the same test at any speed.

/** The 97.5% quantile of the standard normal: a two-sided 95% interval. */
const Z_95 = 1.959964;

export interface Shift {
  estimate: number;
  low: number;
  high: number;
}

/**
 * The shift new - old with its 95% interval, or null when the windows are too few for an interval (fewer than
 * about four on each side).
 */
export function hodgesLehmann(old: readonly number[], now: readonly number[], z = Z_95): Shift | null {
  const n = old.length;
  const m = now.length;
  if (n === 0 || m === 0) return null;
  const differences: number[] = [];
  for (const b of now) for (const a of old) differences.push(b - a);
  differences.sort((x, y) => x - y);
  const total = differences.length;
  const k = Math.floor(total / 2 - z * Math.sqrt((n * m * (n + m + 1)) / 12));
  if (k < 1) return null;
  return { estimate: medianOfSorted(differences), low: differences[k - 1]!, high: differences[total - k]! };
}

/** The change new / old as a ratio (1.3 = 30% more) with its interval, from the shift of the logarithms. */
export function ratioShift(old: readonly number[], now: readonly number[]): Shift | null {
  const positive = (values: readonly number[]) => values.filter((v) => v > 0).map(Math.log);
  const shift = hodgesLehmann(positive(old), positive(now));
  if (!shift) return null;
  return { estimate: Math.exp(shift.estimate), low: Math.exp(shift.low), high: Math.exp(shift.high) };
}

/**
 * The difference of two proportions (errors / requests) with its 95% interval (Wald, with the variance of
 * each side; a side with no errors adds none): the error rate's own noise.
 */
export function proportionShift(
  old: { events: number; trials: number },
  now: { events: number; trials: number },
): Shift | null {
  if (old.trials === 0 || now.trials === 0) return null;
  const p = old.events / old.trials;
  const q = now.events / now.trials;
  const se = Math.sqrt((p * (1 - p)) / old.trials + (q * (1 - q)) / now.trials);
  return { estimate: q - p, low: q - p - Z_95 * se, high: q - p + Z_95 * se };
}

function medianOfSorted(sorted: readonly number[]): number {
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
