// A virtual user runs one flow at a time to its end: each batch the flow hands out goes out at once, one
// request per connection (a race of N refreshes uses N connections of this user, so they are really in
// flight together), and the flow sees the answers when the whole batch is back. Every answer is recorded:
// the first request of a flow from its scheduled start when there is one (open model), the others from
// their send.
import type { ResponseLike } from '../flows/checks.ts';
import type { Flow } from '../flows/flow.ts';
import { isExpectedStatus, type RequestSpec } from '../flows/requests.ts';
import { Connection, type ConnectionOwner } from './http/connection.ts';
import type { RequestWriter } from './http/request-writer.ts';
import type { SocketTarget } from './http/target.ts';
import type { Recorder } from '../measure/recorder.ts';

export interface UserBooks {
  readonly target: SocketTarget;
  readonly writer: RequestWriter;
  readonly recorder: Recorder;
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
  private draining = false;

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

  /** The load has ended: the batch in flight may still finish (its answers judged), then the flow ends. */
  drain(): void {
    this.draining = true;
  }

  /**
   * Drops the flow and closes the connections; a request still waiting is recorded as failed (no answer
   * when the run ended). Returns how many were.
   */
  stop(): number {
    let waiting = 0;
    this.connections.forEach((connection, slot) => {
      if (connection.waiting && this.flow !== null) {
        waiting += 1;
        this.books.failed('still unanswered when the run ended');
        this.books.recorder.record((this.batch[slot] as RequestSpec).endpoint, null, false);
      }
      connection.destroy();
    });
    this.flow = null;
    return waiting;
  }

  answered(
    slot: number,
    status: number,
    body: string | null,
    error: string | null,
    sentAt: number,
    at: number,
    timedOut = false,
  ) {
    if (this.flow === null) return;
    const spec = this.batch[slot] as RequestSpec;
    const from = this.scheduledAt > 0 ? this.scheduledAt : sentAt;
    if (error === null) {
      this.answeredAny = true;
      this.books.recorder.record(spec.endpoint, at - from, isExpectedStatus(spec.expect, status));
    } else {
      this.books.failed(error);
      this.books.recorder.record(spec.endpoint, null, false);
    }
    this.answers[slot] = timedOut ? { status, body, timedOut } : { status, body };
    this.pending -= 1;
    if (this.pending > 0) return;
    this.scheduledAt = 0;
    this.flow.onResponses(this.answers);
    if (!this.draining) return this.sendNext();
    this.flow = null;
    this.books.flowDone(this, this.answeredAny);
  }

  private sendNext(): void {
    const batch = this.flow?.next() ?? null;
    if (batch === null || batch.length === 0) {
      this.flow = null;
      return this.books.flowDone(this, this.answeredAny);
    }
    this.batch = batch;
    this.answers = new Array<ResponseLike>(batch.length);
    this.pending = batch.length;
    for (let slot = 0; slot < batch.length; slot += 1)
      this.connection(slot).send(this.books.writer.bytes(batch[slot] as RequestSpec));
  }
}
