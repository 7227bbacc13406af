// `token-suite verify`: the conformance verdict for any implementation. Exit 0 pass, 1 a MUST failed, 2 could not run.
import { parseArgs } from 'node:util';
import { findK6 } from '../load/engine/k6-engine.ts';
import { parseLoadSettings } from '../load/layer.ts';
import { DOCUMENTED_SEED } from '../server/index.ts';
import { LAYERS } from './layers.ts';
import { renderTable } from '../verify/reports/console.ts';
import { verify } from '../verify/run.ts';
import { exitCodeOf } from '../verify/summary.ts';
import type { LayerName } from '../verify/types.ts';
import { numberSetting, optionalString, stringSetting } from './settings.ts';
import { UsageError } from './usage-error.ts';

export const VERIFY_USAGE = `token-suite verify [--base-url URL] [--only LAYERS] [--report-dir DIR] [--duration S]
                   [--engine auto|node|k6] [--rotation-grace S] [--timeout MS]
  --base-url URL       server to verify (TOKEN_SUITE_BASE_URL; default: start the embedded reference server)
  --only LAYERS        comma-separated: conformance,contract,load (TOKEN_SUITE_ONLY; default all)
  --report-dir DIR     where summary.json, junit.xml, report.html go (TOKEN_SUITE_REPORT_DIR, default reports)
  --duration S         load duration in seconds (TOKEN_SUITE_DURATION, default 10)
  --engine E           load engine: auto, node or k6 (TOKEN_SUITE_ENGINE, default auto: k6 when on the PATH)
  --rotation-grace S   seconds the previous refresh token may still work (TOKEN_SUITE_ROTATION_GRACE, default 0)
  --timeout MS         per-request timeout (TOKEN_SUITE_TIMEOUT, default 5000)
  --connections N      load: concurrent connections (TOKEN_SUITE_LOAD_CONNECTIONS, default 8)
  --rate N             load: requests per second cap, 0 for as fast as the server answers (TOKEN_SUITE_LOAD_RATE, default 0)
  More load knobs (thresholds, mix, chain length) are TOKEN_SUITE_LOAD_* variables: see load/README.md.
  Credentials come from the environment only: TOKEN_SUITE_CLIENT_ID, TOKEN_SUITE_USERNAME, TOKEN_SUITE_PASSWORD
  (default: the documented example client and user). Exit: 0 pass, 1 a MUST failed, 2 could not run.`;

const ENGINES = ['auto', 'node', 'k6'] as const;

export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      only: { type: 'string' },
      'report-dir': { type: 'string' },
      duration: { type: 'string' },
      engine: { type: 'string' },
      'rotation-grace': { type: 'string' },
      timeout: { type: 'string' },
      connections: { type: 'string' },
      rate: { type: 'string' },
    },
  });
  const baseUrl = optionalString(values['base-url'], 'TOKEN_SUITE_BASE_URL');
  if (baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(baseUrl))
    throw new UsageError(`--base-url must be an http(s) URL, e.g. http://127.0.0.1:8080 (got '${baseUrl}').`);
  const engine = stringSetting(values.engine, 'TOKEN_SUITE_ENGINE', 'auto');
  if (!(ENGINES as readonly string[]).includes(engine))
    throw new UsageError(`--engine must be one of ${ENGINES.join(', ')} (got '${engine}').`);
  const layers = parseLayers(stringSetting(values.only, 'TOKEN_SUITE_ONLY', 'conformance,contract,load'));
  const load = {
    connections: numberSetting(values.connections, 'TOKEN_SUITE_LOAD_CONNECTIONS', 8, {
      min: 1,
      max: 10_000,
      name: '--connections',
    }),
    rate: numberSetting(values.rate, 'TOKEN_SUITE_LOAD_RATE', 0, { max: 1_000_000, name: '--rate' }),
  };
  if (layers.includes('load')) checkLoadSettings(engine);
  numberSetting(undefined, 'TOKEN_SUITE_RACE_SIZE', 24, { min: 2, max: 1000 }); // read by REFRESH-04; checked here
  const controller = new AbortController();
  const interrupt = () => {
    console.error(
      '\ninterrupted: finishing the current step and writing what was measured so far (Ctrl-C again to quit now)',
    );
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  const reportDir = stringSetting(values['report-dir'], 'TOKEN_SUITE_REPORT_DIR', 'reports');
  const { summary, files } = await verify({
    baseUrl,
    layers: layers.map((name) => LAYERS[name]()),
    load,
    reportDir,
    durationSeconds: numberSetting(values.duration, 'TOKEN_SUITE_DURATION', 10, {
      min: 1,
      max: 86_400,
      name: '--duration',
    }),
    engine: engine as (typeof ENGINES)[number],
    rotationGraceSeconds: numberSetting(values['rotation-grace'], 'TOKEN_SUITE_ROTATION_GRACE', 0, {
      max: 3600,
      name: '--rotation-grace',
    }),
    timeoutMs: numberSetting(values.timeout, 'TOKEN_SUITE_TIMEOUT', 5000, { min: 50, max: 600_000, name: '--timeout' }),
    credentials: credentialsFromEnv(),
    log: (line) => console.log(line),
    signal: controller.signal,
  }).finally(() => process.off('SIGINT', interrupt));
  console.log(`\n${renderTable(summary)}\nreports: ${files.join(', ')}`);
  return exitCodeOf(summary);
}

function parseLayers(list: string): LayerName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in LAYERS));
  if (names.length === 0 || unknown.length)
    throw new UsageError(`--only takes a comma-separated list of ${Object.keys(LAYERS).join(', ')} (got '${list}').`);
  return Object.keys(LAYERS).filter((n) => names.includes(n)) as LayerName[];
}

/** Bad TOKEN_SUITE_LOAD_* values and a missing k6 stop the run before it starts. */
function checkLoadSettings(engine: string): void {
  try {
    parseLoadSettings(process.env);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}.`);
  }
  if (engine === 'k6' && !findK6())
    throw new UsageError(
      '--engine k6: no k6 executable on the PATH; install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) or use --engine node.',
    );
}

function credentialsFromEnv() {
  const user = DOCUMENTED_SEED.users[0]!;
  return {
    clientId: optionalString(undefined, 'TOKEN_SUITE_CLIENT_ID') ?? DOCUMENTED_SEED.clients[0]!,
    username: optionalString(undefined, 'TOKEN_SUITE_USERNAME') ?? user.username,
    password: optionalString(undefined, 'TOKEN_SUITE_PASSWORD') ?? user.password,
  };
}
