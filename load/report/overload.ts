// Overload, told apart from degradation. In the open model the suite offers a rate of flow starts whatever
// the server does; a server past its capacity answers fewer than that, and the rest queue (latency climbs as
// the queue fills, up to what the client keeps in flight) or are never started (dropped). That is overload:
// the server's capacity is below the offered rate. It is not degradation (a server getting slower or
// serving less as it runs), and LOAD-06 must not call it one (`judgeOverloaded` below).
//
// Every flow starts with exactly one password grant, so the achieved flow rate is the rate of token answers.
// It is measured over the run's settled part: from a third of the run (the queue has filled) to its last
// complete window (requests in flight at the end are not recorded).
import type { Endpoint } from '../flows/requests.ts';
import type { Recorder } from '../measure/recorder.ts';
import { MIN_WINDOWS_PER_THIRD, type Degradation } from './degradation.ts';
import { neighbourLeft, neighbourOf } from './neighbour.ts';

/** Below this share of the offered rate achieved, the server was overloaded. */
const ACHIEVED_SHARE = 0.9;
/** Token answers the span's edges may gain or lose (latency jitter at its start and end): forgiven. */
const EDGE_ANSWERS = 2;
/** More than this share of the starts dropped (never made: every user busy) is overload too. */
const DROPPED_SHARE = 0.01;
/** Overloaded: LOAD-06 fails when the throughput of the last third fell by more than this share. */
const THROUGHPUT_DROP = 0.2;
/** At least this share of the offered rate achieved in the first third: the server kept up then. */
const KEPT_UP = 0.97;
/** ... and this much less throughput in the last third: its capacity fell as it ran (a slowdown). */
const CAPACITY_FALL = 0.1;

export interface EndpointRates {
  /** What the offered flow rate asks of this endpoint (its requests per flow, as measured, × the rate). */
  offered_rps: number;
  achieved_rps: number;
}

export interface Overload {
  offered_flows_per_s: number;
  achieved_flows_per_s: number;
  /** achieved / offered. */
  share: number;
  /** Flow starts never made (every user busy); null when the engine does not say. */
  dropped: number | null;
  scheduled: number | null;
  /** The share of the offered rate achieved in the first third (the queue not yet filled). */
  first_third_share: number;
  /** The part of the run the achieved rates are measured over, in seconds from the start. */
  from_s: number;
  to_s: number;
  endpoints: Record<Endpoint, EndpointRates>;
  overloaded: boolean;
  /** In words: what was offered, what was achieved, and what it means. */
  summary: string;
}

export interface StartsSeen {
  scheduled: number;
  dropped: number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Answers that served the request: a throttled answer (429, 503 with Retry-After) is not capacity achieved. */
const sum = (buckets: readonly { requests: number; throttled?: number }[]) =>
  buckets.reduce((s, b) => s + b.requests - (b.throttled ?? 0), 0);

/** Null in the closed model (rate 0): nothing was offered but what the server answered. */
export function overloadOf(
  recorder: Pick<Recorder, 'endpointWindows' | 'windowMs'>,
  durationSeconds: number,
  rate: number,
  starts: StartsSeen | null,
  /** Refreshes a flow of the mix makes (refreshesPerFlow): what the rate asks of the refresh endpoint. */
  refreshPerFlow?: number,
): Overload | null {
  if (!(rate > 0)) return null;
  const windowS = recorder.windowMs / 1000;
  const complete = Math.floor(durationSeconds / windowS);
  const to = Math.max(1, complete - 1);
  const from = Math.min(Math.ceil(complete / 3), to - 1);
  const span = Math.max(windowS, (to - Math.max(0, from)) * windowS);
  const rateOf = (e: Endpoint) => sum(recorder.endpointWindows[e].slice(Math.max(0, from), to)) / span;
  const token = rateOf('token');
  const firstSpan = Math.max(0, from) * windowS;
  const firstToken = sum(recorder.endpointWindows.token.slice(0, Math.max(0, from)));
  const firstShare = firstSpan > 0 ? Math.min(1, (firstToken + EDGE_ANSWERS) / (rate * firstSpan)) : 0;
  const refresh = rateOf('refresh');
  const share = token / rate;
  const perFlow = refreshPerFlow ?? (token > 0 ? refresh / token : 0);
  const dropped = starts?.dropped ?? null;
  const droppedShare = starts && starts.scheduled > 0 ? starts.dropped / starts.scheduled : 0;
  // The schedule is fixed, so the count is exact but for answers that straddle the span's two edges.
  // The first request of each flow may be answered while its later ones queue: all answers count.
  const asked = rate * (1 + perFlow) * span;
  const short =
    token * span < ACHIEVED_SHARE * rate * span - EDGE_ANSWERS ||
    (token + refresh) * span < ACHIEVED_SHARE * asked - EDGE_ANSWERS;
  const overloaded = short || droppedShare > DROPPED_SHARE;
  const achieved = round(token);
  const summary = overloaded
    ? `overloaded: ${rate} flows/s offered, ${achieved} achieved (${Math.round(share * 100)}%)` +
      (dropped ? `, ${dropped} of ${starts?.scheduled} starts dropped` : '') +
      ': the server answers less than it is asked, so answers queue and latency climbs; ' +
      'that is its capacity, not a slowdown'
    : `${rate} flows/s offered, ${achieved} achieved (${Math.round(share * 100)}%): within capacity`;
  return {
    offered_flows_per_s: rate,
    achieved_flows_per_s: achieved,
    share: round(share, 3),
    first_third_share: round(firstShare, 3),
    dropped,
    scheduled: starts?.scheduled ?? null,
    from_s: round(Math.max(0, from) * windowS),
    to_s: round(to * windowS),
    endpoints: {
      token: { offered_rps: round(rate), achieved_rps: achieved },
      refresh: { offered_rps: round(rate * perFlow), achieved_rps: round(refresh) },
    },
    overloaded,
    summary,
  };
}

/**
 * LOAD-06 of an overloaded run: its latency climbed because answers queued, which says nothing of the
 * server slowing down. Saturated, the server answers as fast as it can, so its throughput measures its
 * speed: a server that degrades as it fills serves less in the last third than in the first. Judged on
 * the throughput (`degradation` must have been computed as steady, so it carries the throughput bar):
 * fallen by more than THROUGHPUT_DROP and below the run's noise, fail; the machine got busier, inconclusive;
 * else pass, with the latency's rise shown as overload.
 */
export function judgeOverloaded(degradation: Degradation, overload: Overload | null): Degradation {
  const d = degradation;
  const enough = d.counted.first >= MIN_WINDOWS_PER_THIRD && d.counted.last >= MIN_WINDOWS_PER_THIRD;
  if (!overload?.overloaded || !enough) return d;
  // A server that kept up in the first third and answered clearly less in the last was not offered more than
  // its capacity: its capacity fell as it ran. Its latency is judged (an attack: a server slowing as it
  // filled, 90% achieved, p50 x16, throughput x0.83, passed as "overloaded").
  // The fall of throughput as a slowdown, first over last (every counted window has answers, so last > 0).
  const slower = d.last_rps > 0 ? d.first_rps / d.last_rps : Infinity;
  const fall = d.first_rps > 0 ? 1 - d.last_rps / d.first_rps : 0;
  if (overload.first_third_share >= KEPT_UP && fall > CAPACITY_FALL) {
    const fell =
      `the server kept up with the offered rate in the first third (${Math.round(overload.first_third_share * 100)}%)` +
      ` and answered ${Math.round(fall * 100)}% less in the last: its capacity fell as it ran, so its latency is ` +
      'judged (a slowdown, not a rate beyond its capacity)';
    // Unless what a neighbour took from the run explains the fall of its capacity.
    const neighbour = neighbourOf(d, slower, true);
    if (neighbour?.explains) return { ...d, judgement: 'inconclusive', reasons: [fell, neighbour.reason] };
    return d.judgement === 'pass' ? d : { ...d, reasons: [...d.reasons, fell] };
  }
  // rps_bar is min(first / factor, first - 3 noise widths): the run's own noise, from degradation.ts.
  const noiseBar = d.rps_bar ?? d.first_rps;
  const bar = round((1 - THROUGHPUT_DROP) * d.first_rps);
  const ratio = d.first_rps > 0 ? round(d.last_rps / d.first_rps) : 1;
  const latency =
    `latency is not judged: ${overload.summary} (median window p95 ${d.first_p95_ms} ms in the first third, ` +
    `${d.last_p95_ms} ms in the last, as the queue filled)`;
  const base = { ...d, rps_bar: bar, rps_ratio: ratio, overloaded: true };
  const throughput =
    `throughput (saturated, so the server's own pace): ${d.first_rps} req/s in the first third, ` +
    `${d.last_rps} in the last (×${ratio}), bar ${bar}`;
  if (d.last_rps < bar) {
    const fell = `the server answered less as it filled: ${throughput}`;
    // Saturated, the server's throughput falls as its stretch grows: fixed users' latency alike.
    const neighbour = neighbourOf(d, slower, true);
    if (neighbour?.explains) return { ...base, judgement: 'inconclusive', reasons: [fell, neighbour.reason, latency] };
    if (d.last_rps >= noiseBar) {
      const noisy = `a fall of ${Math.round(THROUGHPUT_DROP * 100)}% hides in this run's noise (${noiseBar} req/s)`;
      return { ...base, judgement: 'inconclusive', reasons: [fell, noisy, latency] };
    }
    return { ...base, judgement: 'fail', reasons: [fell, ...(neighbour ? [neighbour.reason] : []), latency] };
  }
  // A neighbour that left may have lifted the last third's throughput as much as the server lost.
  const quieter = neighbourLeft(d, slower, 1 / (1 - THROUGHPUT_DROP));
  if (quieter) return { ...base, judgement: 'inconclusive', reasons: [`${throughput}: it held`, quieter, latency] };
  return { ...base, judgement: 'pass', reasons: [latency, `${throughput}: it held`] };
}

/** Refresh requests per flow of the mix: a chain's rotations, its replay and its probe; a race's racers. */
export function refreshesPerFlow(flows: {
  mix: Record<'password' | 'chain' | 'race', number>;
  chainLength: number;
  raceWidth: number;
}): number {
  const total = flows.mix.password + flows.mix.chain + flows.mix.race;
  return total > 0 ? (flows.mix.chain * (flows.chainLength + 2) + flows.mix.race * flows.raceWidth) / total : 0;
}
