// The VU side of the suite's collector (load/k6/collector.ts). k6 VUs share no memory, so a
// token issued to two VUs is invisible to each VU's own ledger; when `token-suite verify` runs k6 it
// listens on loopback and each VU sends it, once per iteration, the 64-bit digests of the tokens it was
// issued (never the tokens) and the duration of each API request. The digest is the first 64 bits of
// SHA-256 from k6's Go-native k6/crypto: the plain-JS digest of load/flows/digest.ts costs about 3 ms per
// token in goja (0.01 ms for k6/crypto, measured on k6 v0.49.0), which halved the VUs' request rate. Its
// requests are tagged traffic:collector, so no API metric or threshold counts them. A standalone `k6 run`
// has no collector: its summary says that token collisions were then checked within each VU only.
import crypto from 'k6/crypto';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import type { Endpoint } from '../../../flows/requests.ts';

const ENDPOINT_CODES: Record<Endpoint, number> = { token: 0, refresh: 1 };
const failures = new Counter('collector_batches_failed');
const sent = new Counter('collector_batches');
const collectorOk = http.expectedStatuses(204);

export class CollectorBatch {
  /** Tokens issued in this iteration; digested only when the batch is sent, off the flow's critical path. */
  private readonly tokens: string[] = [];
  /** [endpoint code, epoch ms when answered, duration ms (-1: no answer), 1 when the status was expected]. */
  private readonly answers: number[][] = [];

  constructor(private readonly url: string) {}

  issued(token: string): void {
    if (this.url) this.tokens.push(token);
  }

  answered(endpoint: Endpoint, durationMs: number | null, expected: boolean): void {
    if (this.url) this.answers.push([ENDPOINT_CODES[endpoint], Date.now(), durationMs ?? -1, expected ? 1 : 0]);
  }

  /** Sends the batch (one request); a lost batch is counted, so the suite knows its view is incomplete. */
  flush(vu: number): void {
    if (!this.url) return;
    const body = JSON.stringify({ vu, digests: this.tokens.map(digest), answers: this.answers });
    const response = http.post(`${this.url}/batch`, body, {
      headers: { 'content-type': 'application/json' },
      tags: { traffic: 'collector' },
      responseCallback: collectorOk,
    });
    if (response.status === 204) sent.add(1);
    else failures.add(1);
  }
}

/** 16 hex digits: the first 64 bits of the token's SHA-256. */
function digest(token: string): string {
  return crypto.sha256(token, 'hex').slice(0, 16);
}
