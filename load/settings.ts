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

/** Reads the env, then applies explicit overrides (e.g. from CLI flags). */
export function parseLoadSettings(env: Env = process.env, overrides: LoadOverrides = {}): LoadSettings {
  const { server = 'remote', thresholds, ...given } = overrides;
  const workers = { TOKEN_SUITE_LOAD_WORKERS: env.TOKEN_SUITE_LOAD_WORKERS?.replace(/^auto$/, '') };
  const capacity = positiveInt(env, 'TOKEN_SUITE_LOAD_UNIQUE_CAPACITY', DEFAULT_UNIQUE_CAPACITY);
  if (capacity > MAX_UNIQUE_CAPACITY)
    throw new Error(`TOKEN_SUITE_LOAD_UNIQUE_CAPACITY must be at most ${MAX_UNIQUE_CAPACITY} (got '${capacity}')`);
  return {
    flows: readFlowSettings(env),
    connections: positiveInt(env, 'TOKEN_SUITE_LOAD_CONNECTIONS', 8),
    rate: nonNegative(env, 'TOKEN_SUITE_LOAD_RATE', 0),
    workers: positiveInt(workers, 'TOKEN_SUITE_LOAD_WORKERS', defaultWorkers(server, availableParallelism(), env)),
    uniqueCapacity: capacity,
    timeoutMs: 10_000,
    tls: {},
    ...(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given),
    thresholds: {
      p95TokenMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_TOKEN_MS', 1000),
      p95RefreshMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_REFRESH_MS', 500),
      maxErrorRate: nonNegative(env, 'TOKEN_SUITE_LOAD_MAX_ERROR_RATE', 0.01),
      degradationFactor: nonNegative(env, 'TOKEN_SUITE_LOAD_DEGRADATION_FACTOR', 1.4),
      degradationSlackMs: nonNegative(env, 'TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS', 1),
      maxThrottledShare: nonNegative(env, 'TOKEN_SUITE_LOAD_MAX_THROTTLED', DEFAULT_MAX_THROTTLED_SHARE),
      ...thresholds,
    },
  };
}
