// The suite's side of the k6 collector (the VU side is load/k6/scripts/lib/collector.ts): an HTTP endpoint on
// loopback that k6 VUs post one batch to per iteration: the 64-bit digests of the tokens they were
// issued and the duration of each API request. It finds a token issued twice anywhere in the run (k6
// VUs share no memory, so their own ledgers cannot), and gives the run's time series.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Endpoint } from '../flows/requests.ts';

/** Distinct digests remembered; past it new digests are still compared with the remembered ones. */
const COLLECTOR_CAPACITY = 2_000_000;
const BODY_LIMIT = 1 << 20;
const ENDPOINTS: Endpoint[] = ['token', 'refresh'];

export interface CollectorView {
  batches: number;
  /** Batches that were not JSON of the expected shape. */
  malformed: number;
  vus: number;
  /** Token digests received, and how many of them had been received before. */
  tokens: number;
  collisions: number;
  /** True when more distinct digests came than COLLECTOR_CAPACITY. */
  overflowed: boolean;
  answers: number;
}

interface Batch {
  vu: number;
  digests: string[];
  answers: number[][];
}

/** One API request the VUs reported: its endpoint, when (ms after the first request), latency, verdict. */
export interface Sample {
  endpoint: Endpoint | null;
  atMs: number;
  /** null: the request failed without an answer. */
  latencyMs: number | null;
  ok: boolean;
  /** 429, or 503 with Retry-After: a throttled answer (counted apart, never timed); absent otherwise. */
  throttled?: 429 | 503;
}

export class Collector {
  private readonly seen = new Set<string>();
  private readonly vus = new Set<number>();
  /** Flattened [endpoint code, epoch ms answered, duration ms, verdict] per API request (verdict: 1 expected,
   * 0 unexpected, 429 or 503 throttled). */
  private readonly answers: number[] = [];
  private readonly view: CollectorView = {
    batches: 0,
    malformed: 0,
    vus: 0,
    tokens: 0,
    collisions: 0,
    overflowed: false,
    answers: 0,
  };
  private server: Server | null = null;

  /** Listens on 127.0.0.1 and resolves with the URL the VUs post to. */
  async listen(): Promise<string> {
    const server = createServer((req, res) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= BODY_LIMIT) chunks.push(chunk);
      });
      req.on('end', () => {
        // The runner's end-of-run report (handleSummary) is for `token-suite collect`; one k6 process reports
        // its counters through its summary instead, so here it is taken and set aside, never a lost batch.
        if (req.method === 'POST' && req.url === '/done') return void res.writeHead(204).end();
        const ok = req.method === 'POST' && req.url === '/batch' && size <= BODY_LIMIT;
        const batch = ok ? parseBatch(Buffer.concat(chunks).toString('utf8')) : null;
        if (batch) this.add(batch);
        else this.view.malformed += 1;
        res.writeHead(batch ? 204 : 400).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private add(batch: Batch): void {
    this.view.batches += 1;
    this.vus.add(batch.vu);
    for (const digest of batch.digests) {
      this.view.tokens += 1;
      if (this.seen.has(digest)) this.view.collisions += 1;
      else if (this.seen.size < COLLECTOR_CAPACITY) this.seen.add(digest);
      else this.view.overflowed = true;
    }
    for (const answer of batch.answers) this.answers.push(...answer);
  }

  figures(): CollectorView {
    return { ...this.view, vus: this.vus.size, answers: this.answers.length / 4 };
  }

  /** The API requests, second 0 starting when the first request of the run was sent. */
  samples(): Sample[] {
    let start = Infinity;
    for (let i = 0; i < this.answers.length; i += 4)
      start = Math.min(start, (this.answers[i + 1] as number) - Math.max(0, this.answers[i + 2] as number));
    const samples: Sample[] = [];
    for (let i = 0; i < this.answers.length; i += 4) {
      const [code, at, ms, verdict] = this.answers.slice(i, i + 4) as [number, number, number, number];
      const atMs = Math.max(0, at - start);
      // -1: the request got no HTTP answer (a timeout, a reset): failed, with no latency.
      const latencyMs = ms < 0 ? null : ms;
      const sample: Sample = { endpoint: ENDPOINTS[code] ?? null, atMs, latencyMs, ok: verdict === 1 };
      if (verdict === 429 || verdict === 503) sample.throttled = verdict;
      samples.push(sample);
    }
    return samples;
  }
}

function parseBatch(text: string): Batch | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const batch = value as Partial<Batch>;
  const digestsOk =
    Array.isArray(batch.digests) && batch.digests.every((d) => typeof d === 'string' && /^[0-9a-f]{16}$/.test(d));
  const answersOk =
    Array.isArray(batch.answers) &&
    batch.answers.every((a) => Array.isArray(a) && a.length === 4 && a.every((n) => typeof n === 'number'));
  return typeof batch.vu === 'number' && digestsOk && answersOk ? (batch as Batch) : null;
}
