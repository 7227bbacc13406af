// The k6 side's settings: the shared flow settings plus profile and thresholds, all from -e / __ENV.
import { positiveInt, nonNegative, readFlowSettings, type Env } from '../../../flows/settings.ts';
import { k6Rate } from './rate.ts';

export type Profile = 'smoke' | 'load' | 'stress' | 'spike' | 'soak' | 'throughput';
const PROFILES: Profile[] = ['smoke', 'load', 'stress', 'spike', 'soak', 'throughput'];

export function readK6Settings(env: Env) {
  const profile = PROFILES.indexOf(env.PROFILE as Profile) >= 0 ? (env.PROFILE as Profile) : 'smoke';
  return {
    flows: readFlowSettings(env),
    profile,
    vus: positiveInt(env, 'TOKEN_SUITE_LOAD_VUS', 2),
    iterations: positiveInt(env, 'TOKEN_SUITE_LOAD_ITERATIONS', 3),
    /** Iterations started per second by the arrival-rate profiles (to the hundredth; stress: whole). */
    rate: positiveRate(env, 'TOKEN_SUITE_LOAD_RATE', 20),
    duration: env.TOKEN_SUITE_LOAD_DURATION || (profile === 'soak' ? '30m' : '1m'),
    /**
     * Deadline of every API request (verify's --timeout; k6's own default is 60 s). Iterations still running
     * when the load ends get as long again, plus a second, to finish (gracefulStop).
     */
    timeoutMs: positiveInt(env, 'TOKEN_SUITE_LOAD_TIMEOUT_MS', 60_000),
    p95TokenMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_TOKEN_MS', 1000),
    p95RefreshMs: nonNegative(env, 'TOKEN_SUITE_LOAD_P95_REFRESH_MS', 500),
    maxErrorRate: nonNegative(env, 'TOKEN_SUITE_LOAD_MAX_ERROR_RATE', 0.01),
    /** Where handleSummary writes <scenario>-summary.json and -junit.xml (k6 does not create folders). */
    summaryDir: (env.TOKEN_SUITE_LOAD_SUMMARY_DIR || 'reports/k6').replace(/\/+$/, ''),
    /** False: the shared reports/k6, where each run's files carry its start time in their names. */
    summaryDirGiven: Boolean(env.TOKEN_SUITE_LOAD_SUMMARY_DIR),
    /** Set by `token-suite verify`: VUs report token digests and timings there, for checks across VUs. */
    collectorUrl: (env.TOKEN_SUITE_K6_COLLECTOR_URL || '').replace(/\/+$/, ''),
    /** The run the collector expects (`token-suite collect --run-id`): it rejects batches of another run. */
    runId: env.TOKEN_SUITE_RUN_ID || 'token-suite',
    /** --insecure: do not verify the target's certificate. */
    insecure: env.TOKEN_SUITE_INSECURE === 'true',
    /** Mutual TLS: the client certificate and key files (PEM), read with open() at init. */
    clientCertFile: env.TOKEN_SUITE_TLS_CERT_FILE || '',
    clientKeyFile: env.TOKEN_SUITE_TLS_KEY_FILE || '',
    /** Reuse detection (a replay revokes the family) is a SHOULD; false drops its threshold. */
    expectReuseDetection: env.EXPECT_REUSE_DETECTION !== 'false',
  };
}

export type K6Settings = ReturnType<typeof readK6Settings>;
export const settings: K6Settings = readK6Settings(__ENV);

/** A rate above 0, to the hundredth (k6Rate); a bad value stops the run, naming the variable. */
function positiveRate(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a number above 0 (got '${value}')`);
  return k6Rate(parsed);
}
