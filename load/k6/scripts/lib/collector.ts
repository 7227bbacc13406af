// The VU side of the suite's collector (load/k6/collect/, load/k6/collector.ts). k6 VUs share no memory, so a
// token issued to two VUs is invisible to each VU's own ledger; when `token-suite verify` runs k6 (or a
// `token-suite collect` listens for an operator run) each VU sends the collector, once per iteration, the
// 64-bit digests of the tokens it was issued (never the tokens), the duration of each API request, and the
// iteration's rotation tallies and checks; handleSummary sends the runner's own counters at the end
// (load/k6/collect/wire.ts). The digest is the first 64 bits of SHA-256 from k6's Go-native k6/crypto: the
// plain-JS digest of load/flows/digest.ts costs about 3 ms per token in goja (0.01 ms for k6/crypto,
// measured on k6 v0.49.0), which halved the VUs' request rate. Its requests are tagged traffic:collector,
// so no API metric or threshold counts them. A standalone `k6 run` has no collector: its summary says that
// token collisions were then checked within each VU only.
import crypto from 'k6/crypto';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import type { Endpoint } from '../../../flows/requests.ts';
import { ENDPOINT_CODES, type BatchMessage, type DoneMessage } from '../../collect/wire.ts';
import type { SummaryData } from './summary-data.ts';
import { failedThresholds } from './summary-data.ts';
import { settings } from './settings.ts';
import type { AnswerVerdict } from './drive.ts';

const failures = new Counter('collector_batches_failed');
const sent = new Counter('collector_batches');
const collectorOk = http.expectedStatuses(204);
/** Random per VU runtime (and per handleSummary): see BatchMessage.nonce. */
const NONCE = Math.random().toString(36).slice(2, 12);
const post = (url: string, body: unknown) =>
  http.post(url, JSON.stringify(body), {
    headers: { 'content-type': 'application/json' },
    tags: { traffic: 'collector' },
    responseCallback: collectorOk,
  });

/** This runner's execution segment as k6 reports it; `0:1` when it runs the whole test. */
function runnerId(): string {
  return exec.test.options.executionSegment || '0:1';
}

export class CollectorBatch {
  /** Tokens issued in this iteration; digested only when the batch is sent, off the flow's critical path. */
  private readonly tokens: string[] = [];
  /**
   * [endpoint code, epoch ms when answered, duration ms (-1: no answer), verdict: 1 expected, 0 not, 429/503
   * throttled].
   */
  private readonly answers: number[][] = [];
  private readonly checks: Record<string, [number, number]> = {};
  private tallies: number[] = [];
  private violations: number[] = [];

  constructor(private readonly url: string) {}

  issued(token: string): void {
    if (this.url) this.tokens.push(token);
  }

  answered(endpoint: Endpoint, durationMs: number | null, verdict: AnswerVerdict): void {
    if (this.url) this.answers.push([ENDPOINT_CODES[endpoint], Date.now(), durationMs ?? -1, verdict]);
  }

  checked(name: string, ok: boolean): void {
    const counts = (this.checks[name] ??= [0, 0]);
    counts[ok ? 0 : 1] += 1;
  }

  /** The iteration's rotation tallies and violations, in TALLIES and VIOLATIONS order. */
  counted(tallies: number[], violations: number[]): void {
    this.tallies = tallies;
    this.violations = violations;
  }

  /** Sends the batch (one request); a lost batch is counted, so the suite knows its view is incomplete. */
  flush(vu: number): void {
    if (!this.url) return;
    const message: BatchMessage = {
      run: settings.runId,
      runner: runnerId(),
      nonce: NONCE,
      vu,
      digests: this.tokens.map(digest),
      answers: this.answers,
      tallies: this.tallies,
      violations: this.violations,
      checks: Object.keys(this.checks).map((name) => [name, ...(this.checks[name] as [number, number])]),
    };
    const response = post(`${this.url}/batch`, message);
    if (response.status === 204) sent.add(1);
    else failures.add(1);
  }
}

/** From handleSummary: the runner's own counters, so the collector knows it finished and lost nothing. */
export function reportDone(data: SummaryData): void {
  if (!settings.collectorUrl) return;
  const count = (metric: string) => data.metrics[metric]?.values.count ?? 0;
  const message: DoneMessage = {
    run: settings.runId,
    runner: runnerId(),
    nonce: NONCE,
    batches: count('collector_batches'),
    batchesFailed: count('collector_batches_failed'),
    iterations: count('iterations'),
    flowsStarted: count('flows_started'),
    flowsEnded: count('flows_ended'),
    durationMs: data.state?.testRunDurationMs ?? 0,
    profile: settings.profile,
    baseUrl: settings.flows.baseUrl,
    thresholdsFailed: failedThresholds(data),
  };
  // Not taken: the collector then names this runner as unfinished, so its run cannot pass.
  post(`${settings.collectorUrl}/done`, message);
}

/** 16 hex digits: the first 64 bits of the token's SHA-256. */
function digest(token: string): string {
  return crypto.sha256(token, 'hex').slice(0, 16);
}
