// Latency and error bookkeeping of a run: hdr histograms overall, per endpoint and per second. Each
// worker thread keeps its own; the main thread merges them (HdrHistogram's compressed encoding, then add).
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
  t: number;
  requests: number;
  errors: number;
  latency_ms: LatencyMs;
}

const newHistogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

/** A bucket as it crosses between threads: counts and the histogram in HdrHistogram's compressed form. */
export interface EncodedBucket {
  requests: number;
  errors: number;
  histogram: string;
}
export interface EncodedRecorder {
  overall: EncodedBucket;
  endpoints: Record<Endpoint, EncodedBucket>;
  seconds: EncodedBucket[];
}

class Bucket {
  readonly histogram = newHistogram();
  requests = 0;
  errors = 0;
  record(latencyMs: number | null, ok: boolean): void {
    this.requests += 1;
    if (!ok) this.errors += 1;
    if (latencyMs !== null) this.histogram.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
  }
  encode(): EncodedBucket {
    return { requests: this.requests, errors: this.errors, histogram: hdr.encodeIntoCompressedBase64(this.histogram) };
  }
  add(other: EncodedBucket): void {
    this.requests += other.requests;
    this.errors += other.errors;
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

export class Recorder {
  readonly overall = new Bucket();
  readonly endpoints: Record<Endpoint, Bucket> = { token: new Bucket(), refresh: new Bucket() };
  readonly seconds: Bucket[] = [];

  /** `startedAt`: performance.now() of second 0 (a worker passes the run's common start). */
  constructor(readonly startedAt = performance.now()) {}

  /** One answered (latency given) or failed (latency null) request; endpoint null when unknown. */
  record(
    endpoint: Endpoint | null,
    latencyMs: number | null,
    ok: boolean,
    second = Math.floor((performance.now() - this.startedAt) / 1000),
  ): void {
    while (this.seconds.length <= second) this.seconds.push(new Bucket());
    this.overall.record(latencyMs, ok);
    this.seconds[second]?.record(latencyMs, ok);
    if (endpoint) this.endpoints[endpoint].record(latencyMs, ok);
  }

  encode(): EncodedRecorder {
    return {
      overall: this.overall.encode(),
      endpoints: { token: this.endpoints.token.encode(), refresh: this.endpoints.refresh.encode() },
      seconds: this.seconds.map((bucket) => bucket.encode()),
    };
  }

  /** Adds another recorder's figures (second n to second n: both must count from the same start). */
  merge(other: EncodedRecorder): void {
    this.overall.add(other.overall);
    this.endpoints.token.add(other.endpoints.token);
    this.endpoints.refresh.add(other.endpoints.refresh);
    while (this.seconds.length < other.seconds.length) this.seconds.push(new Bucket());
    other.seconds.forEach((bucket, t) => this.seconds[t]?.add(bucket));
  }

  elapsedSeconds(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  series(): SecondPoint[] {
    return this.seconds.map((b, t) => ({
      t,
      requests: b.requests,
      errors: b.errors,
      latency_ms: latencyOf(b.histogram),
    }));
  }

  /** Latency of whole seconds [from, to) merged. */
  window(from: number, to: number): LatencyMs {
    const merged = newHistogram();
    for (const bucket of this.seconds.slice(from, to)) merged.add(bucket.histogram);
    return latencyOf(merged);
  }
}
