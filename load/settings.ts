// Settings of the Node engine and of the load requirements. Defaults suit the reference server on a
// 2-core machine; every one has an env var (TOKEN_SUITE_LOAD_*) and the CLI may pass overrides.
import { availableParallelism } from 'node:os';
import { nonNegative, positiveInt, readFlowSettings, type Env, type FlowSettings } from './flows/settings.ts';
import type { SocketTls } from './node/http/target.ts';
import { DEFAULT_MAX_THROTTLED_SHARE } from './report/throttling.ts';

export interface LoadSettings {
  flows: FlowSettings;
  /** Virtual users: flows in flight at once, each on its own keep-alive connection (a race uses raceWidth). */
  connections: number;
  /** Open model: flow starts per second, whatever the server does (as k6's arrival rate); 0 = closed model. */
  rate: number;
  /** k6 processes (verify --runners), each running its execution segment; 1 for the Node engine. */
  runners: number;
  /** Worker threads the users are spread over. */
  workers: number;
  /** Issued tokens compared exactly with every earlier one (64-bit digests, 16 bytes of memory each). */
  uniqueCapacity: number;
  /** Per-request deadline: no answer by then is a failed request. */
  timeoutMs: number;
  /** For https:// targets. */
  tls: SocketTls;
  thresholds: LoadThresholds;
}

export interface LoadThresholds {
  p95TokenMs: number;
  p95RefreshMs: number;
  /** Highest share of unexpected answers and of failed checks. */
  maxErrorRate: number;
  /** LOAD-06: the last third's median window p95 may be at most this multiple of the first third's ... */
  degradationFactor: number;
  /** ... plus this many ms (timer granularity); the run's own noise may raise the bar (degradation.ts). */
  degradationSlackMs: number;
  /** Above this share of throttled answers (429, 503 + Retry-After) the load figures are the limiter's. */
  maxThrottledShare: number;
}

export type LoadOverrides = Partial<Omit<LoadSettings, 'flows' | 'thresholds'>> & {
  thresholds?: Partial<LoadThresholds>;
  /** Where the target runs, for the default number of workers (default 'remote'). */
  server?: ServerPlacement;
};

export const DEFAULT_UNIQUE_CAPACITY = 2_097_152;
const MAX_UNIQUE_CAPACITY = 134_217_728;

/**
 * 'embedded': the suite's reference server in this process; 'local': a server on this machine (a loopback
 * address); 'remote': elsewhere.
 */
export type ServerPlacement = 'embedded' | 'local' | 'remote';

/**
 * Every core for a remote target. A server on this machine competes for the same cores: a local one is
 * left one core, the embedded one the cores its event loop and its scrypt threads (UV_THREADPOOL_SIZE,
 * default 4) may use. At least one worker.
 */
export function defaultWorkers(server: ServerPlacement, cores = availableParallelism(), env: Env = process.env) {
  const pool = Number(env.UV_THREADPOOL_SIZE) || 4;
  const left = server === 'embedded' ? 1 + pool : server === 'local' ? 1 : 0;
  return Math.max(1, cores - left);
}

/** 'local' for a loopback host (localhost, 127.0.0.0/8, ::1), else 'remote'. */
export function placementOf(baseUrl: string): ServerPlacement {
  const host = new URL(baseUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1'
    ? 'local'
    : 'remote';
}

/** Reads the env, then applies explicit overrides (e.g. from CLI flags); thresholds outside their bounds throw. */
export function parseLoadSettings(env: Env = process.env, overrides: LoadOverrides = {}): LoadSettings {
  const settings = readLoadSettings(env, overrides);
  const given = (key: keyof LoadThresholds) =>
    overrides.thresholds?.[key] !== undefined || (env[THRESHOLD_ENV[key]] ?? '') !== '';
  // A default p95 threshold at or above a short --timeout follows it down (only a value given is refused).
  for (const key of ['p95TokenMs', 'p95RefreshMs'] as const)
    if (!given(key)) settings.thresholds[key] = Math.min(settings.thresholds[key], settings.timeoutMs - 1);
  checkThresholdBounds(settings.thresholds, settings.timeoutMs);
  return settings;
}

function readLoadSettings(env: Env, overrides: LoadOverrides): LoadSettings {
  const { server = 'remote', thresholds, ...given } = overrides;
  const workers = { TOKEN_SUITE_LOAD_WORKERS: env.TOKEN_SUITE_LOAD_WORKERS?.replace(/^auto$/, '') };
  const capacity = positiveInt(env, 'TOKEN_SUITE_LOAD_UNIQUE_CAPACITY', DEFAULT_UNIQUE_CAPACITY);
  if (capacity > MAX_UNIQUE_CAPACITY)
    throw new Error(`TOKEN_SUITE_LOAD_UNIQUE_CAPACITY must be at most ${MAX_UNIQUE_CAPACITY} (got '${capacity}')`);
  return {
    flows: readFlowSettings(env),
    connections: positiveInt(env, 'TOKEN_SUITE_LOAD_CONNECTIONS', 8),
    rate: nonNegative(env, 'TOKEN_SUITE_LOAD_RATE', 0),
    runners: 1,
    workers: positiveInt(workers, 'TOKEN_SUITE_LOAD_WORKERS', defaultWorkers(server, availableParallelism(), env)),
    uniqueCapacity: capacity,
    timeoutMs: 10_000,
    tls: {},
    ...(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given),
    thresholds: {
      p95TokenMs: nonNegative(env, THRESHOLD_ENV.p95TokenMs, DEFAULT_THRESHOLDS.p95TokenMs),
      p95RefreshMs: nonNegative(env, THRESHOLD_ENV.p95RefreshMs, DEFAULT_THRESHOLDS.p95RefreshMs),
      maxErrorRate: nonNegative(env, THRESHOLD_ENV.maxErrorRate, DEFAULT_THRESHOLDS.maxErrorRate),
      degradationFactor: nonNegative(env, THRESHOLD_ENV.degradationFactor, DEFAULT_THRESHOLDS.degradationFactor),
      degradationSlackMs: nonNegative(env, THRESHOLD_ENV.degradationSlackMs, DEFAULT_THRESHOLDS.degradationSlackMs),
      maxThrottledShare: nonNegative(env, THRESHOLD_ENV.maxThrottledShare, DEFAULT_THRESHOLDS.maxThrottledShare),
      ...thresholds,
    },
  };
}

const DEFAULT_THRESHOLDS: LoadThresholds = {
  p95TokenMs: 1000,
  p95RefreshMs: 500,
  maxErrorRate: 0.01,
  degradationFactor: 1.4,
  degradationSlackMs: 1,
  maxThrottledShare: DEFAULT_MAX_THROTTLED_SHARE,
};

const THRESHOLD_ENV: Record<keyof LoadThresholds, string> = {
  p95TokenMs: 'TOKEN_SUITE_LOAD_P95_TOKEN_MS',
  p95RefreshMs: 'TOKEN_SUITE_LOAD_P95_REFRESH_MS',
  maxErrorRate: 'TOKEN_SUITE_LOAD_MAX_ERROR_RATE',
  degradationFactor: 'TOKEN_SUITE_LOAD_DEGRADATION_FACTOR',
  degradationSlackMs: 'TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS',
  maxThrottledShare: 'TOKEN_SUITE_LOAD_MAX_THROTTLED',
};

/** Above these, LOAD-01 and LOAD-06 could not fail: a rate of errors of one half, a tenfold slowdown. */
const MAX_ERROR_RATE_BOUND = 0.5;
const MAX_DEGRADATION_FACTOR = 10;
/** Above this, most answers could be a rate limiter's and LOAD-01, -02, -06 still judged. */
const MAX_THROTTLED_SHARE_BOUND = 0.5;

/**
 * Thresholds a server could never fail are refused (a usage error, exit 2): an error rate of 0.5 or more,
 * a degradation factor above 10, a p95 threshold at or above the per-request deadline (--timeout: no answer
 * can be slower than it, so the p95 could never be over the threshold).
 */
function checkThresholdBounds(t: LoadThresholds, timeoutMs: number): void {
  const bounds: [keyof LoadThresholds, boolean, string][] = [
    ['maxErrorRate', t.maxErrorRate < MAX_ERROR_RATE_BOUND, `below ${MAX_ERROR_RATE_BOUND}`],
    ['degradationFactor', t.degradationFactor <= MAX_DEGRADATION_FACTOR, `at most ${MAX_DEGRADATION_FACTOR}`],
    ['maxThrottledShare', t.maxThrottledShare <= MAX_THROTTLED_SHARE_BOUND, `at most ${MAX_THROTTLED_SHARE_BOUND}`],
    ['p95TokenMs', t.p95TokenMs < timeoutMs, `below the per-request timeout (--timeout ${timeoutMs} ms)`],
    ['p95RefreshMs', t.p95RefreshMs < timeoutMs, `below the per-request timeout (--timeout ${timeoutMs} ms)`],
  ];
  for (const [key, ok, bound] of bounds)
    if (!ok) throw new Error(`${THRESHOLD_ENV[key]} must be ${bound} (got '${t[key]}'): else it could never fail`);
}

export interface LoosenedSetting {
  /** The environment variable (or flag) of the setting. */
  setting: string;
  value: number;
  default: number;
  /** What it loosened, in a sentence: which requirement now lets more through. */
  loosens: string;
}

const LOOSENS: Record<keyof LoadThresholds, string> = {
  p95TokenMs: 'LOAD-02 accepts a slower password grant',
  p95RefreshMs: 'LOAD-02 accepts a slower refresh',
  maxErrorRate: 'LOAD-01 accepts more unexpected answers and failed checks',
  degradationFactor: 'LOAD-06 accepts a larger slowdown over the run',
  degradationSlackMs: 'LOAD-06 accepts a larger slowdown over the run',
  maxThrottledShare: 'LOAD-01, LOAD-02 and LOAD-06 are judged with more answers throttled by a rate limiter',
};

/**
 * The load settings that differ from their defaults in the direction that lets more through, for the top
 * of every report: the thresholds above their defaults, and a rotation grace (LOAD-03, LOAD-07, LOAD-04
 * then allow acceptances inside the window).
 */
export function loosenedLoadSettings(settings: Pick<LoadSettings, 'thresholds' | 'flows'>): LoosenedSetting[] {
  const loosened: LoosenedSetting[] = [];
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof LoadThresholds)[]) {
    const [value, fallback] = [settings.thresholds[key], DEFAULT_THRESHOLDS[key]];
    if (value > fallback)
      loosened.push({ setting: THRESHOLD_ENV[key], value, default: fallback, loosens: LOOSENS[key] });
  }
  const grace = settings.flows.graceSeconds;
  if (grace > 0)
    loosened.push({
      setting: '--rotation-grace (TOKEN_SUITE_ROTATION_GRACE)',
      value: grace,
      default: 0,
      loosens:
        `LOAD-03, LOAD-07 and LOAD-04 allow a rotated-out refresh token to work again for ${grace} s ` +
        '(replays, family probes and extra race winners inside the window)',
    });
  return loosened;
}
