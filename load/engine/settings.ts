// Settings of the Node engine and of the load requirements. Defaults suit the reference server on a
// 2-core machine; every one has an env var (TOKEN_SUITE_LOAD_*) and the CLI may pass overrides.
import { nonNegative, positiveInt, readFlowSettings, type Env, type FlowSettings } from '../flows/settings.ts';

export interface LoadSettings {
  flows: FlowSettings;
  /** Concurrent connections of the generator (autocannon). */
  connections: number;
  /** Overall requests per second the generator may send; 0 = as fast as the server answers. */
  rate: number;
  /** Concurrent race loops (each: a grant, then `raceWidth` refreshes of one token at once); 0 = none. */
  raceLoops: number;
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
};

export const LOAD_ENV_VARS = [
  'TOKEN_SUITE_LOAD_CONNECTIONS',
  'TOKEN_SUITE_LOAD_RATE',
  'TOKEN_SUITE_LOAD_RACE_LOOPS',
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

/** Reads the env, then applies explicit overrides (e.g. from CLI flags). */
export function parseLoadSettings(env: Env = process.env, overrides: LoadOverrides = {}): LoadSettings {
  const flows = readFlowSettings(env);
  return {
    flows,
    connections: overrides.connections ?? positiveInt(env, 'TOKEN_SUITE_LOAD_CONNECTIONS', 8),
    rate: overrides.rate ?? nonNegative(env, 'TOKEN_SUITE_LOAD_RATE', 0),
    raceLoops: overrides.raceLoops ?? (flows.mix.race > 0 ? nonNegative(env, 'TOKEN_SUITE_LOAD_RACE_LOOPS', 1) : 0),
    thresholds: {
      p95TokenMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_TOKEN_MS', 1000),
      p95RefreshMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_REFRESH_MS', 500),
      maxErrorRate: nonNegative(env, 'TOKEN_SUITE_LOAD_MAX_ERROR_RATE', 0.01),
      degradationFactor: nonNegative(env, 'TOKEN_SUITE_LOAD_DEGRADATION_FACTOR', 1.5),
      degradationSlackMs: nonNegative(env, 'TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS', 5),
      ...overrides.thresholds,
    },
  };
}
