// The settings of `token-suite verify`. The load generator's finer knobs (thresholds, mix, chain length)
// are TOKEN_SUITE_LOAD_* variables read by load/flows/settings.ts; credentials come from the environment only.
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import { CAPACITY_SETTINGS } from './capacity.ts';
import { readSettings, type SettingValues } from './read.ts';
import { BASELINE_SETTINGS } from './baseline.ts';
import { decimal, flag, httpUrl, integer, oneOf, text, BadValue, type Setting } from './setting.ts';

export const LAYER_NAMES = ['conformance', 'contract', 'load'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];
export const ENGINES = ['auto', 'node', 'k6'] as const;
export type EngineName = (typeof ENGINES)[number];

/** "conformance,load" → the layers in run order; at least one. */
function layerList(raw: string): LayerName[] {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || names.some((n) => !(LAYER_NAMES as readonly string[]).includes(n))) {
    throw new BadValue(`a comma-separated list of ${LAYER_NAMES.join(', ')}`);
  }
  return LAYER_NAMES.filter((n) => names.includes(n));
}

const setting = <T>(s: Setting<T>) => s;

export const VERIFY_SETTINGS = {
  baseUrl: setting<string | undefined>({
    flag: 'base-url',
    env: 'TOKEN_SUITE_BASE_URL',
    placeholder: 'URL',
    fallback: undefined,
    shownDefault: 'the embedded reference server',
    help: 'the origin of the server to verify; /v1/token and /v1/refresh/token are appended',
    parse: httpUrl,
  }),
  only: setting<LayerName[]>({
    flag: 'only',
    env: 'TOKEN_SUITE_ONLY',
    placeholder: 'LAYERS',
    fallback: [...LAYER_NAMES],
    help: 'which layers run, comma-separated: conformance,contract,load',
    parse: layerList,
  }),
  reportDir: setting({
    flag: 'report-dir',
    env: 'TOKEN_SUITE_REPORT_DIR',
    placeholder: 'DIR',
    fallback: 'reports',
    help: 'where summary.json, junit.xml and report.html go',
    parse: text,
  }),
  durationSeconds: setting({
    flag: 'duration',
    env: 'TOKEN_SUITE_DURATION',
    placeholder: 'S',
    fallback: 10,
    help: 'load duration in seconds (the load may go on, up to --max-duration, for the minimums of evidence)',
    parse: integer(1, 86_400),
  }),
  maxDurationSeconds: setting({
    flag: 'max-duration',
    env: 'TOKEN_SUITE_LOAD_MAX_DURATION',
    placeholder: 'S',
    fallback: 60,
    help:
      'load: the load may go on past --duration until every load requirement has its minimum of evidence, ' +
      'never past this many seconds (a fast server is never extended; k6, which runs a fixed duration, runs ' +
      'once more for as long as the rates it measured need); at most --duration: never extended',
    parse: integer(0, 86_400),
  }),
  engine: setting<EngineName>({
    flag: 'engine',
    env: 'TOKEN_SUITE_ENGINE',
    placeholder: 'E',
    fallback: 'auto',
    help: 'load engine: node, k6, or auto (k6 when a usable k6 is on the PATH, else node)',
    parse: oneOf(ENGINES),
  }),
  rotationGraceSeconds: setting({
    flag: 'rotation-grace',
    env: 'TOKEN_SUITE_ROTATION_GRACE',
    aliases: ['TOKEN_SUITE_ROTATION_GRACE_SECONDS'],
    placeholder: 'S',
    fallback: 0,
    help: 'seconds a rotated-out refresh token may still work (Okta, ORY Hydra style)',
    parse: decimal(0, 3600),
  }),
  timeoutMs: setting({
    flag: 'timeout',
    env: 'TOKEN_SUITE_TIMEOUT',
    aliases: ['TOKEN_SUITE_TIMEOUT_MS'],
    placeholder: 'MS',
    fallback: 5000,
    help: 'deadline of each request, in milliseconds, body included',
    parse: integer(50, 600_000),
  }),
  throttleBudgetSeconds: setting({
    flag: 'throttle-budget',
    env: 'TOKEN_SUITE_THROTTLE_BUDGET',
    placeholder: 'S',
    fallback: 60,
    help:
      'seconds the run may wait in all for a 429 or a 503 with Retry-After before resending (RFC 6585 §4, ' +
      'RFC 9110 §10.2.3); what lacks its answer when it runs out is inconclusive; added to the run deadline',
    parse: integer(0, 86_400),
  }),
  connections: setting({
    flag: 'connections',
    env: 'TOKEN_SUITE_LOAD_CONNECTIONS',
    placeholder: 'N',
    fallback: 8,
    help: 'load: concurrent connections (k6: VUs)',
    parse: integer(1, 10_000),
  }),
  rate: setting({
    flag: 'rate',
    env: 'TOKEN_SUITE_LOAD_RATE',
    placeholder: 'N',
    fallback: 0,
    help: 'load: flows started per second (open model); 0 runs the closed model, as fast as answers come',
    parse: decimal(0, 1_000_000),
  }),
  runners: setting({
    flag: 'runners',
    env: 'TOKEN_SUITE_RUNNERS',
    placeholder: 'N',
    fallback: 1,
    help: 'load, --engine k6: k6 processes, each with its execution segment as the k6-operator assigns them',
    parse: integer(1, 256),
  }),
  ...CAPACITY_SETTINGS,
  maxThrottledShare: setting({
    flag: 'max-throttled',
    env: 'TOKEN_SUITE_LOAD_MAX_THROTTLED',
    placeholder: 'SHARE',
    fallback: 0.05,
    help:
      'load: the share of answers that may be throttled (429, 503 with Retry-After; counted apart) before ' +
      "the load figures count as the rate limiter's and LOAD-01, -02, -06 are inconclusive",
    parse: decimal(0, 0.5),
  }),
  runDeadlineSeconds: setting({
    env: 'TOKEN_SUITE_RUN_DEADLINE',
    fallback: 0,
    shownDefault: '0: derived from the layers, --timeout, --duration and --max-duration',
    help: 'seconds after which the run stops and reports what it could judge (a bound for hostile targets)',
    parse: integer(0, 7 * 86_400),
  }),
  caFile: setting<string | undefined>({
    flag: 'ca-file',
    env: 'TOKEN_SUITE_CA_FILE',
    placeholder: 'PEM',
    fallback: undefined,
    help: 'a CA certificate (PEM) to trust besides the system roots, for every layer',
    parse: text,
  }),
  insecure: setting({
    flag: 'insecure',
    env: 'TOKEN_SUITE_INSECURE',
    boolean: true,
    fallback: false,
    help: "do not verify the target's TLS certificate (a warning tops every report)",
    parse: flag,
  }),
  cert: setting<string | undefined>({
    flag: 'cert',
    env: 'TOKEN_SUITE_CERT',
    placeholder: 'PEM',
    fallback: undefined,
    help: 'client certificate (PEM) for targets that require mutual TLS (RFC 8705); with --key',
    parse: text,
  }),
  key: setting<string | undefined>({
    flag: 'key',
    env: 'TOKEN_SUITE_KEY',
    placeholder: 'PEM',
    fallback: undefined,
    help: "the client certificate's private key (PEM)",
    parse: text,
  }),
  raceSize: setting({
    env: 'TOKEN_SUITE_RACE_SIZE',
    fallback: 24,
    help: 'concurrent refreshes of one token in REFRESH-04',
    parse: integer(2, 1000),
  }),
  quiet: setting({
    flag: 'quiet',
    env: 'TOKEN_SUITE_QUIET',
    boolean: true,
    fallback: false,
    help: 'print only the verdict block (and errors)',
    parse: flag,
  }),
  clientId: setting({
    env: 'TOKEN_SUITE_CLIENT_ID',
    fallback: DOCUMENTED_CREDENTIALS.clientId,
    shownDefault: 'the documented example client',
    help: 'clientId of the password grant',
    parse: text,
  }),
  username: setting({
    env: 'TOKEN_SUITE_USERNAME',
    fallback: DOCUMENTED_CREDENTIALS.username,
    shownDefault: 'the documented example user',
    help: 'username of the password grant',
    parse: text,
  }),
  password: setting({
    env: 'TOKEN_SUITE_PASSWORD',
    fallback: DOCUMENTED_CREDENTIALS.password,
    shownDefault: "the documented example user's",
    help: 'password of the password grant (environment only, never printed)',
    parse: text,
    secret: true,
  }),
  ...BASELINE_SETTINGS,
};

export type VerifySettings = SettingValues<typeof VERIFY_SETTINGS>;

/** Every default, with `overrides`: for callers that run verify from code (kill matrix, catalog, tests). */
export function verifySettings(overrides: Partial<VerifySettings> = {}): VerifySettings {
  return { ...readSettings(VERIFY_SETTINGS, { env: {} }), ...overrides };
}
