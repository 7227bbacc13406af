// --engine k6: runs the mix bundle with the user's k6 (profile "load": arrival rate, so a slow server
// cannot hide latency), then reads handleSummary's JSON and the --out json samples into a LoadReport.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { buildK6, OUT_DIR } from './k6-build.ts';
import type { LayerContext } from '../../verify/types.ts';
import { k6LoadReport, readSamples, type K6Summary } from '../report/k6-report.ts';
import type { LoadReport } from '../report/load-report.ts';
import type { LoadSettings } from './settings.ts';

export function findK6(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'k6');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

export async function runK6Engine(
  k6: string,
  settings: LoadSettings,
  context: Pick<LayerContext, 'durationSeconds' | 'reportDir' | 'signal' | 'log'>,
): Promise<LoadReport> {
  const bundle = join(OUT_DIR, 'mix.js');
  if (!existsSync(bundle)) await buildK6();
  const dir = join(context.reportDir, 'k6');
  mkdirSync(dir, { recursive: true });
  const samplesFile = join(dir, 'mix-samples.json');
  const vars = {
    BASE_URL: settings.flows.baseUrl,
    PROFILE: 'load',
    TOKEN_SUITE_LOAD_DURATION: `${context.durationSeconds}s`,
    TOKEN_SUITE_LOAD_VUS: String(settings.connections),
    TOKEN_SUITE_LOAD_SUMMARY_DIR: dir,
    TOKEN_SUITE_LOAD_P95_TOKEN_MS: String(settings.thresholds.p95TokenMs),
    TOKEN_SUITE_LOAD_P95_REFRESH_MS: String(settings.thresholds.p95RefreshMs),
    TOKEN_SUITE_LOAD_MAX_ERROR_RATE: String(settings.thresholds.maxErrorRate),
    ...(settings.rate > 0 ? { TOKEN_SUITE_LOAD_RATE: String(settings.rate) } : {}),
  };
  const args = [
    'run',
    '--quiet',
    '--out',
    `json=${samplesFile}`,
    ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
    bundle,
  ];
  // Credentials reach k6 through its environment (k6 reads system env vars), never its command line.
  const env = {
    ...process.env,
    TOKEN_SUITE_CLIENT_ID: settings.flows.users[0]?.clientId,
    TOKEN_SUITE_USERNAME: settings.flows.users[0]?.username,
    TOKEN_SUITE_PASSWORD: settings.flows.users[0]?.password,
  };
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(k6, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const stop = () => child.kill('SIGINT');
    context.signal.addEventListener('abort', stop, { once: true });
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      context.signal.removeEventListener('abort', stop);
      resolve(exitCode ?? 1);
    });
  });
  const summaryFile = join(dir, 'mix-summary.json');
  if (!existsSync(summaryFile)) throw new Error(`k6 exited with ${code} and wrote no summary (${summaryFile})`);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as K6Summary;
  return k6LoadReport(
    summary,
    existsSync(samplesFile) ? await readSamples(samplesFile) : [],
    settings,
    context.signal.aborted,
  );
}
