// Latency and error bookkeeping of a run: hdr histograms overall and per endpoint (3 significant digits),
// per second (the report's charts) and per window (LOAD-06's degradation statistic), the last two at 2
// significant digits, which is 1% precision in 14 KiB each. Windows are short for short runs (250 ms) and
// longer for long ones (at most ~48 of them), so memory stays bounded whatever --duration says. Each worker
// thread keeps its own; the main thread merges them (HdrHistogram's compressed encoding, then add).
// Throttled answers (429, or 503 with Retry-After: load/flows/throttle.ts) count as requests and as
// `throttled`, never as errors, and their latency is not recorded: it is the limiter's, not the server's.
import * as hdr from 'hdr-histogram-js';
import type { Endpoint } from '../flows/requests.ts';

export interface LatencyMs {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}
export interface SecondPoint {
  /** Seconds since the start of the load (the start of this point). */
  t: number;
  /** Every request, throttled ones included. */
  requests: number;
  errors: number;
  /** Requests answered 429 or 503 with Retry-After: neither errors nor in the latency figures. */
  throttled: number;
  latency_ms: LatencyMs;
  /** The same figures per endpoint (the report charts the password grant apart from refresh). */
  endpoints?: Record<Endpoint, Omit<SecondPoint, 't' | 'endpoints'>>;
}

const newHistogram = (digits: 2 | 3 = 3) =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: digits,
  });

/** A bucket as it crosses between threads: counts and the histogram in HdrHistogram's compressed form. */
export interface EncodedBucket {
  requests: number;
  errors: number;
  throttled: number;
  histogram: string;
}
export interface EncodedRecorder {
  overall: EncodedBucket;
  endpoints: Record<Endpoint, EncodedBucket>;
  windowMs: number;
  windows: EncodedBucket[];
  endpointWindows: Record<Endpoint, EncodedBucket[]>;
  throttledStatuses: ThrottledStatuses;
}

/** Throttled answers by status (429, and 503 with Retry-After), and the flows a throttled answer ended. */
export interface ThrottledStatuses {
  '429': number;
  '503': number;
  flows: number;
}

class Bucket {
  readonly histogram: hdr.Histogram;
  requests = 0;
  errors = 0;
  throttled = 0;
  constructor(digits: 2 | 3 = 3) {
    this.histogram = newHistogram(digits);
  }
  record(latencyMs: number | null, ok: boolean): void {
    this.requests += 1;
    if (!ok) this.errors += 1;
    if (latencyMs !== null) this.histogram.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
  }
  throttle(): void {
    this.requests += 1;
    this.throttled += 1;
  }
  encode(): EncodedBucket {
    const histogram = hdr.encodeIntoCompressedBase64(this.histogram);
    return { requests: this.requests, errors: this.errors, throttled: this.throttled, histogram };
  }
  add(other: EncodedBucket): void {
    this.requests += other.requests;
    this.errors += other.errors;
    this.throttled += other.throttled;
    const histogram = hdr.decodeFromCompressedBase64(other.histogram);
    this.histogram.add(histogram);
    histogram.destroy();
  }
}

export function latencyOf(histogram: hdr.Histogram): LatencyMs {
  const ms = (us: number) => Math.round(us) / 1000;
  if (histogram.totalCount === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  return {
    p50: ms(histogram.getValueAtPercentile(50)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
    mean: ms(histogram.mean),
  };
}

/** Window length for a planned run: 250 ms up to 12 s, then longer, so a run has at most about 48 windows. */
export function windowMsFor(durationSeconds: number): number {
  return Math.max(250, 250 * Math.ceil((durationSeconds * 1000) / 48 / 250));
}

function grow(buckets: Bucket[], index: number): Bucket {
  while (buckets.length <= index) buckets.push(new Bucket(2));
  return buckets[index]!;
}

const ENDPOINTS: readonly Endpoint[] = ['token', 'refresh'];

/** Several windows as one: counts summed, histograms added into a new one (the caller destroys it). */
export function mergeBuckets(buckets: readonly Bucket[]): {
  requests: number;
  errors: number;
  throttled: number;
  histogram: hdr.Histogram;
} {
  const histogram = newHistogram(2);
  let [requests, errors, throttled] = [0, 0, 0];
  for (const bucket of buckets) {
    histogram.add(bucket.histogram);
    requests += bucket.requests;
    errors += bucket.errors;
    throttled += bucket.throttled;
  }
  return { requests, errors, throttled, histogram };
}

function pointOf(buckets: Bucket[]): Omit<SecondPoint, 't' | 'endpoints'> {
  const { requests, errors, throttled, histogram } = mergeBuckets(buckets);
  const latency_ms = latencyOf(histogram);
  histogram.destroy();
  return { requests, errors, throttled, latency_ms };
}

export class Recorder {
  readonly overall = new Bucket();
  readonly endpoints: Record<Endpoint, Bucket> = { token: new Bucket(), refresh: new Bucket() };
  /** Per window of `windowMs`, all requests and per endpoint (2 significant digits). */
  readonly windows: Bucket[] = [];
  readonly endpointWindows: Record<Endpoint, Bucket[]> = { token: [], refresh: [] };
  readonly throttledStatuses: ThrottledStatuses = { '429': 0, '503': 0, flows: 0 };

  /** `startedAt`: performance.now() of the run's start (a worker passes the run's common start). */
  constructor(
    readonly startedAt = performance.now(),
    readonly windowMs = 250,
  ) {}

  /** One answered (latency given) or failed (latency null) request, `atMs` after the start. */
  record(
    endpoint: Endpoint | null,
    latencyMs: number | null,
    ok: boolean,
    atMs = performance.now() - this.startedAt,
  ): void {
    const window = Math.floor(Math.max(0, atMs) / this.windowMs);
    this.overall.record(latencyMs, ok);
    grow(this.windows, window).record(latencyMs, ok);
    if (!endpoint) return;
    this.endpoints[endpoint].record(latencyMs, ok);
    grow(this.endpointWindows[endpoint], window).record(latencyMs, ok);
  }

  /** A throttled answer (429, or 503 with Retry-After), `atMs` after the start: counted, never timed. */
  throttled(endpoint: Endpoint, status: number, atMs = performance.now() - this.startedAt): void {
    const window = Math.floor(Math.max(0, atMs) / this.windowMs);
    this.throttledStatuses[status === 429 ? '429' : '503'] += 1;
    this.overall.throttle();
    grow(this.windows, window).throttle();
    this.endpoints[endpoint].throttle();
    grow(this.endpointWindows[endpoint], window).throttle();
  }

  /** A flow ended by a throttled answer (open model; a race in either model). */
  flowThrottled(): void {
    this.throttledStatuses.flows += 1;
  }

  encode(): EncodedRecorder {
    const encode = (buckets: Bucket[]) => buckets.map((bucket) => bucket.encode());
    return {
      overall: this.overall.encode(),
      endpoints: { token: this.endpoints.token.encode(), refresh: this.endpoints.refresh.encode() },
      windowMs: this.windowMs,
      windows: encode(this.windows),
      endpointWindows: { token: encode(this.endpointWindows.token), refresh: encode(this.endpointWindows.refresh) },
      throttledStatuses: { ...this.throttledStatuses },
    };
  }

  /** Adds another recorder's figures (window to window: both count from the same start, in the same windows). */
  merge(other: EncodedRecorder): void {
    if (other.windowMs !== this.windowMs) throw new Error(`windows of ${other.windowMs} and ${this.windowMs} ms`);
    this.overall.add(other.overall);
    for (const e of ENDPOINTS) {
      this.endpoints[e].add(other.endpoints[e]);
      other.endpointWindows[e].forEach((bucket, w) => grow(this.endpointWindows[e], w).add(bucket));
    }
    other.windows.forEach((bucket, w) => grow(this.windows, w).add(bucket));
    this.throttledStatuses['429'] += other.throttledStatuses['429'];
    this.throttledStatuses['503'] += other.throttledStatuses['503'];
    this.throttledStatuses.flows += other.throttledStatuses.flows;
  }

  elapsedSeconds(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** The run window by window (`series(1)`), each point's `t` in seconds: for charts of short runs. */
  windowSeries(): SecondPoint[] {
    return this.series(1);
  }

  /** The run point by point: each second (for long runs, each window), overall and per endpoint. */
  series(windowsPerPoint?: number): SecondPoint[] {
    const perPoint = windowsPerPoint ?? Math.max(1, Math.round(1000 / this.windowMs));
    const points: SecondPoint[] = [];
    for (let from = 0; from < this.windows.length; from += perPoint) {
      const slice = (buckets: Bucket[]) => buckets.slice(from, from + perPoint);
      const endpoints = {
        token: pointOf(slice(this.endpointWindows.token)),
        refresh: pointOf(slice(this.endpointWindows.refresh)),
      };
      points.push({ t: (from * this.windowMs) / 1000, ...pointOf(slice(this.windows)), endpoints });
    }
    return points;
  }
}
