// No degradation over the run: the last fifth against the first fifth, in latency (p95) and throughput.
// A server that slows down as it fills up shows one or the other: open-loop load shows it in latency,
// closed-loop load (a fixed number of connections) mostly in throughput.
import type { Recorder } from '../engine/recorder.ts';

export interface Degradation {
  first_p95_ms: number;
  last_p95_ms: number;
  ratio: number;
  first_rps: number;
  last_rps: number;
  /** last_rps / first_rps: below 1 the server got slower. Null when the load was not steady (k6 iteration counts). */
  rps_ratio: number | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * `whole`: the number of complete seconds; fewer than 2 gives null (nothing to compare).
 * `steady`: the generator kept the same load all run long, so throughput can be compared too.
 */
export function degradationOf(
  recorder: Pick<Recorder, 'window' | 'series'>,
  whole: number,
  steady = true,
): Degradation | null {
  if (whole < 2) return null;
  const fifth = Math.max(1, Math.floor(whole / 5));
  const from = Math.max(fifth, whole - fifth);
  const first = recorder.window(0, fifth).p95;
  const last = recorder.window(from, whole).p95;
  const series = recorder.series();
  const rps = (a: number, b: number) => series.slice(a, b).reduce((sum, p) => sum + p.requests, 0) / (b - a);
  const [firstRps, lastRps] = [rps(0, fifth), rps(from, whole)];
  return {
    first_p95_ms: first,
    last_p95_ms: last,
    ratio: round(first > 0 ? last / first : 1),
    first_rps: round(firstRps),
    last_rps: round(lastRps),
    rps_ratio: steady ? round(firstRps > 0 ? lastRps / firstRps : 1) : null,
  };
}
