// Live progress: about once a second, the workers' counts (published in a shared array) as LoadProgress.
import type { LoadProgress } from '../../verdict/types.ts';

/** Slots per worker in the shared progress array: requests, errors + failed checks, violations, spare. */
export const PROGRESS_SLOTS = 4;

export function progressTicker(
  progress: SharedArrayBuffer,
  workers: number,
  /** The load's length as known now (a run extended past --duration grows it). */
  totalSeconds: () => number,
  startedAt: number,
  onProgress: (progress: LoadProgress) => void,
): NodeJS.Timeout {
  const slots = new Int32Array(progress);
  let last = 0;
  return setInterval(() => {
    const sum = (k: number) =>
      Array.from({ length: workers }, (_, w) => Atomics.load(slots, w * PROGRESS_SLOTS + k)).reduce((a, b) => a + b, 0);
    const requests = sum(0);
    onProgress({
      elapsedSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
      totalSeconds: totalSeconds(),
      requests,
      rps: requests - last,
      errors: sum(1),
      violations: sum(2),
    });
    last = requests;
  }, 1000);
}
