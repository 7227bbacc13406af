// Settings of the Node engine and of the load requirements. Defaults suit the reference server on a
// 2-core machine; every one has an env var (TOKEN_SUITE_LOAD_*) and the CLI may pass overrides.
import { availableParallelism } from 'node:os';
import { nonNegative, positiveInt, readFlowSettings, type Env, type FlowSettings } from '../flows/settings.ts';
import type { TlsSettings } from './http/target.ts';

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
  tls: TlsSettings;
  thresholds: LoadThresholds;
}

export interface LoadThresholds {
  p95TokenMs: number;
  p95RefreshMs: number;
  /** Highest share of unexpected answers and of failed checks. */
  maxErrorRate: number;
  /** p95 of the last fifth of the run may be at most this multiple of the first fifth's ... */
  degradationFactor: number;
  /** ... unless it is within this many ms of it (sub-millisecond noise is no degradation). */
  degradationSlackMs: number;
}

export type LoadOverrides = Partial<Omit<LoadSettings, 'flows' | 'thresholds'>> & {
  thresholds?: Partial<LoadThresholds>;
  /** The target runs in this process (the embedded reference server): leave it cores for its event loop and scrypt. */
  embeddedServer?: boolean;
};

export const LOAD_ENV_VARS = [
  'TOKEN_SUITE_LOAD_CONNECTIONS',
  'TOKEN_SUITE_LOAD_RATE',
  'TOKEN_SUITE_LOAD_WORKERS',
  'TOKEN_SUITE_LOAD_UNIQUE_CAPACITY',
  'TOKEN_SUITE_LOAD_P95_TOKEN_MS',
  'TOKEN_SUITE_LOAD_P95_REFRESH_MS',
  'TOKEN_SUITE_LOAD_MAX_ERROR_RATE',
  'TOKEN_SUITE_LOAD_DEGRADATION_FACTOR',
  'TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS',
  'TOKEN_SUITE_LOAD_CHAIN_LENGTH',
  'TOKEN_SUITE_LOAD_RACE_WIDTH',
  'TOKEN_SUITE_LOAD_MIX',
  'TOKEN_SUITE_LOAD_USERS',
] as const;

export const DEFAULT_UNIQUE_CAPACITY = 2_097_152;
const MAX_UNIQUE_CAPACITY = 134_217_728;

/**
 * Every core for an external target; with the embedded server, the cores its event loop and its scrypt
 * threads (UV_THREADPOOL_SIZE, default 4) may use are left to it, keeping at least one worker.
 */
export function defaultWorkers(embeddedServer: boolean, cores = availableParallelism(), env: Env = process.env) {
  const pool = Number(env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, embeddedServer ? cores - 1 - pool : cores);
}

/** Reads the env, then applies explicit overrides (e.g. from CLI flags). */
export function parseLoadSettings(env: Env = process.env, overrides: LoadOverrides = {}): LoadSettings {
  const { embeddedServer = false, thresholds, ...given } = overrides;
  const workers = { TOKEN_SUITE_LOAD_WORKERS: env.TOKEN_SUITE_LOAD_WORKERS?.replace(/^auto$/, '') };
  const capacity = positiveInt(env, 'TOKEN_SUITE_LOAD_UNIQUE_CAPACITY', DEFAULT_UNIQUE_CAPACITY);
  if (capacity > MAX_UNIQUE_CAPACITY)
    throw new Error(`TOKEN_SUITE_LOAD_UNIQUE_CAPACITY must be at most ${MAX_UNIQUE_CAPACITY} (got '${capacity}')`);
  return {
    flows: readFlowSettings(env),
    connections: positiveInt(env, 'TOKEN_SUITE_LOAD_CONNECTIONS', 8),
    rate: nonNegative(env, 'TOKEN_SUITE_LOAD_RATE', 0),
    workers: positiveInt(
      workers,
      'TOKEN_SUITE_LOAD_WORKERS',
      defaultWorkers(embeddedServer, availableParallelism(), env),
    ),
    uniqueCapacity: capacity,
    timeoutMs: 10_000,
    tls: {},
    ...(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given),
    thresholds: {
      p95TokenMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_TOKEN_MS', 1000),
      p95RefreshMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_REFRESH_MS', 500),
      maxErrorRate: nonNegative(env, 'TOKEN_SUITE_LOAD_MAX_ERROR_RATE', 0.01),
      degradationFactor: nonNegative(env, 'TOKEN_SUITE_LOAD_DEGRADATION_FACTOR', 1.5),
      degradationSlackMs: nonNegative(env, 'TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS', 5),
      ...thresholds,
    },
  };
}
