// Rates of the arrival-rate profiles, to the hundredth: used by the k6 side and by the suite (no __ENV here).
/** The smallest step of a rate: k6 counts whole iterations per timeUnit, so 0.01/s is 1 per 100 s. */
export const RATE_DIGITS = 2;

/** A rate in flow starts per second, to the hundredth, at least 0.01 (what the k6 profiles run). */
export function k6Rate(rate: number): number {
  return Math.max(10 ** -RATE_DIGITS, Math.round(rate * 10 ** RATE_DIGITS) / 10 ** RATE_DIGITS);
}
