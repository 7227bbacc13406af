// Runs the load past --duration until every load requirement has its minimum of evidence, never past the
// bound (--max-duration). Against a slow server a short run meets those minimums by chance, so its verdict
// flipped between pass and inconclusive; now the run lasts as long as this server's speed needs, and says so.
//
// At --duration the main thread reads what the workers published (evidence-board.ts): nothing short, the load
// ends there, exactly as long as asked (a fast server's run is never lengthened). Else it goes on, looking
// again every CHECK_MS, and ends as soon as nothing is short, or at the bound, or at once when the rates
// measured so far say the bound cannot be enough (or something short never came at all): running on would
// only cost time for the same inconclusive verdict, whose evidence then says how long a run would need
// (GIVE_UP_FACTOR below: only when clearly so); and when the server answered nothing for 3 s (STALL_MS: it
// stopped, or hangs), as waiting on it would not bring more.
// LOAD-06 compares the thirds of the load as it actually ran, so an extended run is judged on its own thirds.
import { neededSeconds, shortfallsOf, type Evidence, type Shortfall } from '../report/minimums.ts';

const CHECK_MS = 500;

export interface Extension {
  /** --duration, and the bound (--max-duration) the load never runs past. */
  asked_s: number;
  bound_s: number;
  /** The load's length as it ran (LOAD-06's thirds are of this). */
  ran_s: number;
  extended: boolean;
  /** The minimums short at --duration: why the load went on. */
  short_at_duration: Shortfall[];
  /**
   * met: every minimum met (at --duration: not extended); bound: still short at the bound; beyond_bound: the
   * rates measured said the bound could not be enough, so the load ended early; stalled: the server answered
   * nothing for STALL_MS, so the load ended early; stopped: interrupted.
   */
  ended: 'met' | 'bound' | 'beyond_bound' | 'stalled' | 'stopped';
  /** What the console says about it. */
  summary: string;
}

export interface WatchOptions {
  askedSeconds: number;
  boundSeconds: number;
  /** The evidence of the load's first `seconds`. */
  read: (seconds: number) => Evidence;
  /** Ends the load, its length being `seconds`. */
  stop: (seconds: number) => void;
  log?: (line: string) => void;
}

export class MinimumsWatch {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private shortAtDuration: Shortfall[] = [];
  private ended: Extension['ended'] | null = null;
  private ranSeconds: number;

  constructor(private readonly options: WatchOptions) {
    this.ranSeconds = options.boundSeconds;
  }

  /** `startedAt`: performance.now() of the load's start. */
  start(startedAt: number): void {
    this.startedAt = startedAt;
    this.timer = setTimeout(() => this.atDuration(), this.options.askedSeconds * 1000);
  }

  /** The load was interrupted after `seconds`. */
  interrupted(seconds: number): void {
    this.end(seconds, 'stopped');
  }

  /** The workers ended: by themselves at the bound, unless the watch or an interruption ended them first. */
  finished(): void {
    if (this.ended) return;
    // The watch's last look and the workers' own end at the bound fall together: look once more.
    const { boundSeconds: bound } = this.options;
    this.end(bound, shortfallsOf(this.options.read(bound)).length ? 'bound' : 'met');
  }

  get extension(): Extension {
    const { askedSeconds: asked, boundSeconds: bound } = this.options;
    const ended = this.ended ?? 'bound';
    const ran = Math.round(this.ranSeconds * 100) / 100;
    return {
      asked_s: asked,
      bound_s: bound,
      ran_s: ran,
      extended: ran > asked,
      short_at_duration: this.shortAtDuration,
      ended,
      summary: summaryOf(asked, bound, ran, this.shortAtDuration, ended),
    };
  }

  /** The load's length as known now: --duration, the bound once extended, the length it ran once ended. */
  expectedSeconds(): number {
    if (this.ended) return this.ranSeconds;
    return this.shortAtDuration.length > 0 ? this.options.boundSeconds : this.options.askedSeconds;
  }

  private elapsed(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  private atDuration(): void {
    const { askedSeconds: asked, boundSeconds: bound } = this.options;
    const evidence = this.options.read(asked);
    this.shortAtDuration = shortfallsOf(evidence);
    if (this.shortAtDuration.length === 0) return this.end(asked, 'met');
    if (stalled(evidence)) return this.end(asked, 'stalled');
    if (beyond(this.shortAtDuration, bound)) return this.end(asked, 'beyond_bound');
    const ids = [...new Set(this.shortAtDuration.map((s) => s.requirement))].join(', ');
    this.options.log?.(`  minimums not met at ${asked} s (${ids}): the load goes on, up to ${bound} s`);
    this.timer = setTimeout(() => this.check(), CHECK_MS);
  }

  private check(): void {
    const { boundSeconds: bound } = this.options;
    const seconds = Math.min(bound, this.elapsed());
    const evidence = this.options.read(seconds);
    const short = shortfallsOf(evidence);
    if (short.length === 0) return this.end(seconds, 'met');
    if (seconds >= bound) return this.end(bound, 'bound');
    if (stalled(evidence)) return this.end(seconds, 'stalled');
    if (beyond(short, bound)) return this.end(seconds, 'beyond_bound');
    const next = Math.min(CHECK_MS, (bound - seconds) * 1000);
    this.timer = setTimeout(() => this.check(), next);
  }

  private end(seconds: number, ended: Extension['ended']): void {
    clearTimeout(this.timer);
    if (this.ended) return;
    this.ended = ended;
    this.ranSeconds = seconds;
    this.options.stop(seconds);
  }
}

/**
 * The estimates plan for a margin (minimums.ts), and giving up too early would make the verdict flip again:
 * the load ends early only when even this multiple of the bound would not be enough at the rates measured.
 */
const GIVE_UP_FACTOR = 1.5;

/** A server that answered nothing for this long (it stopped, or hangs) will give no more evidence. */
const STALL_MS = 3000;

/** No answer in the last STALL_MS of the load: going on would only wait for a server that stopped. */
function stalled(e: Evidence): boolean {
  const { windowMs, answers } = e.windows;
  const end = Math.floor((e.seconds * 1000) / windowMs);
  const from = Math.max(0, end - Math.ceil(STALL_MS / windowMs));
  return e.seconds * 1000 >= STALL_MS && answers.slice(from, end).every((n) => n === 0);
}

/** The rates so far say the bound cannot give every minimum (or something short never came at all). */
function beyond(short: readonly Shortfall[], bound: number): boolean {
  const needed = neededSeconds(short);
  return needed === null || needed > GIVE_UP_FACTOR * bound;
}

function summaryOf(asked: number, bound: number, ran: number, short: Shortfall[], ended: Extension['ended']): string {
  if (ended === 'stopped') return `interrupted at ${ran} s (--duration ${asked} s, bound ${bound} s)`;
  if (short.length === 0) return `every load minimum met within --duration ${asked} s: not extended`;
  const why = short.map((s) => `${s.requirement} ${s.have}/${s.need} ${s.what}`).join('; ');
  const at = `at --duration ${asked} s short of: ${why}`;
  if (ended === 'met')
    return `extended from ${asked} s to ${ran} s (bound ${bound} s), ${at}; every minimum met at ${ran} s`;
  if (ended === 'stalled')
    return `not extended past ${ran} s: the server answered nothing in the last ${STALL_MS / 1000} s (${at})`;
  if (ended === 'beyond_bound')
    return (
      `not extended past ${ran} s: at the rates measured the minimums need more than the bound of ` +
      `${bound} s (${at})`
    );
  return `extended from ${asked} s to the bound of ${bound} s, ${at}; still short at the bound`;
}
