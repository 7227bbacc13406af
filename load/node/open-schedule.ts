// The open model's clock: flow starts due at fixed intervals, whatever the server does. A tick starts
// every start that is due (catching up after a late timer) and sleeps until the next one; the start's
// due time travels with it, so latency is measured from when the flow should have begun.

export class OpenSchedule {
  private next = 0;
  private count = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /**
   * `rate`: starts per second; `phase` in [0, 1): where in the first interval the first start falls;
   * `from`, `until`: performance.now() bounds of the schedule.
   */
  constructor(
    private readonly rate: number,
    private readonly phase: number,
    private readonly from: number,
    private readonly until: number,
    private readonly onStart: (dueAt: number) => void,
  ) {}

  /** Starts planned so far (all of them once the schedule has run to its end). */
  get planned(): number {
    return this.count;
  }

  begin(): void {
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private dueAt(k: number): number {
    return this.from + ((k + this.phase) * 1000) / this.rate;
  }

  private tick(): void {
    this.timer = null;
    const now = performance.now();
    for (this.next = this.dueAt(this.count); this.next <= now && this.next < this.until;) {
      this.count += 1;
      this.onStart(this.next);
      if (this.stopped) return;
      this.next = this.dueAt(this.count);
    }
    if (this.next < this.until) this.timer = setTimeout(() => this.tick(), Math.max(0, this.next - now));
  }
}
