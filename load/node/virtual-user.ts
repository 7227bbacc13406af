// A virtual user runs one flow at a time to its end: each batch the flow hands out goes out at once, one
// request per connection (a race of N refreshes uses N connections of this user, so they are really in
// flight together), and the flow sees the answers when the whole batch is back. Every answer is recorded:
// the first request of a flow from its scheduled start when there is one (open model), the others from
// their send. A throttled answer (429, or 503 with Retry-After) is counted apart, never timed (the
// flows judge nothing on it); in the closed model the user then waits before it sends anything else
// (Retry-After, capped, else a backoff with jitter: flows/throttle.ts), never a tight loop.
import type { ResponseLike } from '../flows/checks.ts';
import type { Flow } from '../flows/flow.ts';
import { isExpectedStatus, type RequestSpec } from '../flows/requests.ts';
import { isThrottled, retryAfterMs, throttleWaitMs } from '../flows/throttle.ts';
import { Connection, type ConnectionOwner } from './http/connection.ts';
import type { RequestWriter } from './http/request-writer.ts';
import type { SocketTarget } from './http/target.ts';
import type { Recorder } from '../measure/recorder.ts';

export interface UserBooks {
  readonly target: SocketTarget;
  readonly writer: RequestWriter;
  readonly recorder: Recorder;
  /** Closed model: after a throttled answer the user waits before its next request. */
  readonly waitOnThrottle: boolean;
  /** A request got no HTTP answer (refused, reset, timed out, malformed): why. */
  failed(reason: string): void;
  connectFailed(reason: string): void;
  /** The user's flow is over; `answered`: at least one of its requests got an HTTP answer. */
  flowDone(user: VirtualUser, answered: boolean): void;
}

export class VirtualUser implements ConnectionOwner {
  readonly connections: Connection[] = [];
  private flow: Flow | null = null;
  private batch: RequestSpec[] = [];
  private answers: ResponseLike[] = [];
  private pending = 0;
  private scheduledAt = 0;
  private answeredAny = false;
  /** The longest Retry-After (ms) of the current batch's throttled answers; -1: none throttled; null: no header. */
  private throttledFor: number | null = -1;
  /** Batches in a row with a throttled answer (the backoff's exponent). */
  private throttledInARow = 0;
  private wait: NodeJS.Timeout | null = null;

  constructor(private readonly books: UserBooks) {}

  get busy(): boolean {
    return this.flow !== null;
  }

  connection(slot: number): Connection {
    let connection = this.connections[slot];
    if (!connection) {
      connection = new Connection(this.books.target, this, slot, (reason) => this.books.connectFailed(reason));
      this.connections[slot] = connection;
    }
    return connection;
  }

  /** `scheduledAt`: performance.now() the flow was due to start (open model); 0: measure from the send. */
  start(flow: Flow, scheduledAt = 0): void {
    this.flow = flow;
    this.scheduledAt = scheduledAt;
    this.answeredAny = false;
    this.sendNext();
  }

  /** Drops the flow and closes the connections; returns how many requests were still waiting. */
  stop(): number {
    this.flow = null;
    if (this.wait) clearTimeout(this.wait);
    let waiting = 0;
    for (const connection of this.connections) {
      if (connection.waiting) waiting += 1;
      connection.destroy();
    }
    return waiting;
  }

  answered(
    slot: number,
    status: number,
    body: string | null,
    error: string | null,
    sentAt: number,
    at: number,
    retryAfter: string | null,
    timedOut = false,
  ) {
    if (this.flow === null) return;
    const spec = this.batch[slot] as RequestSpec;
    const from = this.scheduledAt > 0 ? this.scheduledAt : sentAt;
    if (error !== null) {
      this.books.failed(error);
      this.books.recorder.record(spec.endpoint, null, false);
    } else if (isThrottled(status, retryAfter)) {
      this.answeredAny = true;
      this.books.recorder.throttled(spec.endpoint, status);
      const ms = retryAfterMs(retryAfter, Date.now());
      if (this.throttledFor !== null) this.throttledFor = ms === null ? null : Math.max(this.throttledFor, ms);
    } else {
      this.answeredAny = true;
      this.books.recorder.record(spec.endpoint, at - from, isExpectedStatus(spec.expect, status));
    }
    const answer: ResponseLike = timedOut ? { status, body, timedOut } : { status, body };
    if (retryAfter !== null) answer.retryAfter = retryAfter;
    this.answers[slot] = answer;
    this.pending -= 1;
    if (this.pending > 0) return;
    this.scheduledAt = 0;
    const flow = this.flow;
    flow.onResponses(this.answers);
    if (flow.throttled) this.books.recorder.flowThrottled();
    if (this.throttledFor === -1 || !this.books.waitOnThrottle) {
      this.throttledInARow = 0;
      return this.sendNext();
    }
    this.throttledInARow += 1;
    const pause = throttleWaitMs(this.throttledInARow, this.throttledFor, Math.random());
    this.wait = setTimeout(() => {
      this.wait = null;
      this.sendNext();
    }, pause);
  }

  private sendNext(): void {
    const batch = this.flow?.next() ?? null;
    if (batch === null || batch.length === 0) {
      this.flow = null;
      return this.books.flowDone(this, this.answeredAny);
    }
    this.batch = batch;
    this.throttledFor = -1;
    this.answers = new Array<ResponseLike>(batch.length);
    this.pending = batch.length;
    for (let slot = 0; slot < batch.length; slot += 1)
      this.connection(slot).send(this.books.writer.bytes(batch[slot] as RequestSpec));
  }
}
