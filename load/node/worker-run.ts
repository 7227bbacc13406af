// One worker's share of a load run: its virtual users, its books (recorder, rotation ledger, checks),
// the closed or open schedule, the deadline sweep, and its own saturation figures. A flow runs on one
// worker from start to end, so chain and race invariants are exact; issued tokens go into the set shared
// by all workers. Runs in a worker thread (worker-thread.ts), or in the calling thread in tests.
import type { FlowContext } from '../flows/flow.ts';
import { chooseFlow, createFlow, mixPoint } from '../flows/mix.ts';
import { MUST_VIOLATIONS, RotationLedger } from '../flows/rotation.ts';
import { countsOf, publishEvidence } from './evidence-board.ts';
import { RequestWriter } from './http/request-writer.ts';
import { socketTargetOf, type SocketTarget } from './http/target.ts';
import { OpenSchedule } from './open-schedule.ts';
import { PROGRESS_SLOTS } from './progress-ticker.ts';
import { Recorder } from '../measure/recorder.ts';
import { SharedDigestSet } from './shared-digest-set.ts';
import { ThreadMeter, type ThreadFigures } from '../measure/thread-meter.ts';
import { VirtualUser, type UserBooks } from './virtual-user.ts';
import { warmUp } from './warm-up.ts';
import { LATE_MS, type CheckCounts, type StartFigures, type WorkerPlan, type WorkerResult } from './worker-types.ts';

export type { WorkerPlan, WorkerResult } from './worker-types.ts';

const MAX_REASONS = 20;

export class WorkerRun implements UserBooks {
  readonly target: SocketTarget;
  readonly writer: RequestWriter;
  recorder = new Recorder();
  readonly waitOnThrottle: boolean;
  private readonly ledger: RotationLedger;
  private readonly tokens: SharedDigestSet;
  private readonly checks: CheckCounts = {};
  private readonly users: VirtualUser[];
  private readonly idle: VirtualUser[] = [];
  private readonly backlog: number[] = [];
  private readonly starts: StartFigures = { scheduled: 0, started: 0, late: 0, queued: 0, dropped: 0, max_lag_ms: 0 };
  private readonly failures: Record<string, number> = {};
  private readonly progress: Int32Array;
  private readonly meter = new ThreadMeter();
  private readonly misses = new Map<VirtualUser, number>();
  private schedule: OpenSchedule | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private sweeper: NodeJS.Timeout | undefined;
  private stopping = false;
  private finished = false;
  private thread: ThreadFigures | null = null;
  private nextUser: number;
  private readonly contexts: FlowContext[] = [];
  private connectFailures = 0;
  private failedChecks = 0;
  /** Flows started so far, and where this worker's run of the mix starts (workers spread apart). */
  private flowsChosen = 0;
  private readonly mixOffset: number;
  private finish: (result: WorkerResult) => void = () => undefined;

  constructor(private readonly plan: WorkerPlan) {
    this.target = socketTargetOf(plan.flows.baseUrl, plan.tls);
    this.writer = new RequestWriter(this.target);
    this.tokens = new SharedDigestSet(plan.tokens);
    this.ledger = new RotationLedger({ graceSeconds: plan.flows.graceSeconds, tokens: this.tokens });
    this.users = Array.from({ length: plan.users }, () => new VirtualUser(this));
    this.progress = new Int32Array(plan.progress, plan.index * PROGRESS_SLOTS * 4, PROGRESS_SLOTS);
    this.nextUser = plan.index;
    this.mixOffset = plan.index / 7;
    this.waitOnThrottle = plan.rate === 0;
  }

  /**
   * Warms the JIT and opens every user's first connection before the clock starts
   * (a TLS handshake is not a request).
   */
  async warm(): Promise<void> {
    warmUp(this.plan.flows.format, this.writer);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, this.plan.timeoutMs).unref());
    await Promise.race([Promise.all(this.users.map((user) => user.connection(0).warm())), timeout]);
  }

  /** Runs from `startedAt` (performance.now() of this thread) for the plan's duration, or until stop(). */
  run(startedAt: number): Promise<WorkerResult> {
    const until = startedAt + this.plan.durationSeconds * 1000;
    this.recorder = new Recorder(startedAt, this.plan.windowMs);
    this.meter.start();
    const done = new Promise<WorkerResult>((resolve) => {
      this.finish = (result) => resolve(result);
    });
    this.timers.add(setTimeout(() => this.stop(), Math.max(0, until - performance.now())));
    this.sweeper = setInterval(() => this.sweep(), Math.min(100, this.plan.timeoutMs / 4));
    if (this.plan.rate > 0) {
      this.idle.push(...this.users);
      this.schedule = new OpenSchedule(this.plan.rate, this.plan.phase, startedAt, until, (dueAt) => this.due(dueAt));
      this.schedule.begin();
    } else for (const user of this.users) this.startFlow(user, 0);
    return done;
  }

  /**
   * The load ends: no flow starts, no flow sends its next request, but requests in flight get up to their
   * deadline (--timeout) to be answered, as k6's gracefulStop; the sweep fails those that are not, and
   * their races and replays are judged on what came back. Then the books close.
   */
  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.schedule?.stop();
    this.timers.forEach((timer) => clearTimeout(timer));
    this.thread = this.meter.stop();
    this.starts.dropped += this.backlog.length;
    for (const user of this.users) user.drain();
    const cap = setTimeout(() => this.close(), this.plan.timeoutMs + 1000);
    cap.unref();
    this.timers.add(cap);
    this.closeWhenDrained();
  }

  private closeWhenDrained(): void {
    if (!this.users.some((user) => user.busy)) this.close();
  }

  private close(): void {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.sweeper);
    this.timers.forEach((timer) => clearTimeout(timer));
    const abandoned = this.users.reduce((sum, user) => sum + user.stop(), 0);
    this.publish();
    this.finish({ ...this.result(abandoned), ...(this.thread ?? this.meter.stop()) });
  }

  failed(reason: string): void {
    const known = this.failures[reason] !== undefined || Object.keys(this.failures).length < MAX_REASONS;
    const key = known ? reason : 'other';
    this.failures[key] = (this.failures[key] ?? 0) + 1;
  }

  connectFailed(): void {
    this.connectFailures += 1;
  }

  flowDone(user: VirtualUser, answered: boolean): void {
    if (this.stopping) return this.closeWhenDrained();
    if (this.plan.rate > 0) {
      const dueAt = this.backlog.shift();
      if (dueAt === undefined) this.idle.push(user);
      else this.startFlow(user, dueAt, true);
      return;
    }
    // Closed model: the next flow at once, or after a growing pause while nothing answers (no busy loop).
    const misses = answered ? 0 : (this.misses.get(user) ?? 0) + 1;
    this.misses.set(user, misses);
    if (misses === 0) return this.startFlow(user, 0);
    const pause = setTimeout(
      () => {
        this.timers.delete(pause);
        this.startFlow(user, 0);
      },
      Math.min(1000, 5 * 2 ** misses),
    );
    this.timers.add(pause);
  }

  /** Open model: a start is due; it goes to an idle user, else waits (up to one per user), else is dropped. */
  private due(dueAt: number): void {
    this.starts.scheduled += 1;
    const user = this.idle.pop();
    if (user) this.startFlow(user, dueAt);
    else if (this.backlog.length < this.users.length) this.backlog.push(dueAt);
    else this.starts.dropped += 1;
  }

  /** `dueAt` 0: closed model; `queued`: the start waited for a free user. */
  private startFlow(user: VirtualUser, dueAt: number, queued = false): void {
    if (this.stopping) return;
    if (dueAt > 0) {
      const lag = performance.now() - dueAt;
      if (queued) this.starts.queued += 1;
      else if (lag > LATE_MS) this.starts.late += 1;
      if (lag > this.starts.max_lag_ms) this.starts.max_lag_ms = lag;
    } else this.starts.scheduled += 1;
    this.starts.started += 1;
    const kind = chooseFlow(this.plan.flows.mix, mixPoint(this.flowsChosen++, this.mixOffset));
    user.start(createFlow(kind, this.context()), dueAt);
  }

  /** The flow context of the next user's credentials (one context per credentials, reused: flows only read it). */
  private context(): FlowContext {
    const { flows } = this.plan;
    this.nextUser = (this.nextUser + 1) % flows.users.length;
    return (this.contexts[this.nextUser] ??= {
      credentials: flows.users[this.nextUser] as FlowContext['credentials'],
      format: flows.format,
      chainLength: flows.chainLength,
      raceWidth: flows.raceWidth,
      retryThrottled: this.plan.rate === 0,
      ledger: this.ledger,
      observer: this,
    });
  }

  check(name: string, ok: boolean): void {
    const counts = (this.checks[name] ??= { passes: 0, fails: 0 });
    if (ok) counts.passes += 1;
    else {
      counts.fails += 1;
      this.failedChecks += 1;
    }
  }

  /** Fails requests past their deadline; publishes the progress figures. */
  private sweep(): void {
    const now = performance.now();
    for (const user of this.users)
      for (const connection of user.connections) connection.expire(now, this.plan.timeoutMs);
    this.publish();
  }

  private publish(): void {
    const violations = MUST_VIOLATIONS.reduce((sum, v) => sum + this.ledger.counters.violations[v], 0);
    Atomics.store(this.progress, 0, this.recorder.overall.requests);
    Atomics.store(this.progress, 1, this.recorder.overall.errors + this.failedChecks);
    Atomics.store(this.progress, 2, violations);
    this.publishEvidence();
  }

  /** The counts the requirements' minimums are made of, for the main thread's MinimumsWatch. */
  private publishEvidence(): void {
    const { overall, endpoints, windows } = this.recorder;
    const judged = (e: 'token' | 'refresh') => endpoints[e].requests - endpoints[e].throttled;
    const checks = Object.values(this.checks).reduce((sum, c) => sum + c.passes + c.fails, 0);
    const counts = countsOf({
      // Answered requests that were not throttled: those whose latency was recorded.
      answers: overall.histogram.totalCount,
      checks,
      erred: overall.errors + this.failedChecks > 0,
      endpoints: { token: judged('token'), refresh: judged('refresh') },
      tokens: this.tokens.checkedHere,
      rotation: this.ledger.counters,
    });
    publishEvidence(
      this.plan.evidence,
      this.plan.index,
      counts,
      windows.map((w) => w.histogram.totalCount),
    );
  }

  private result(abandoned: number): Omit<WorkerResult, keyof ThreadFigures> {
    return {
      index: this.plan.index,
      users: this.plan.users,
      recorder: this.recorder.encode(),
      latencyCount: this.recorder.overall.histogram.totalCount,
      tokensChecked: this.tokens.checkedHere,
      rotation: this.ledger.counters,
      checks: this.checks,
      starts: { ...this.starts, max_lag_ms: Math.round(this.starts.max_lag_ms * 100) / 100 },
      abandoned,
      failures: this.failures,
      connectFailures: this.connectFailures,
    };
  }
}
