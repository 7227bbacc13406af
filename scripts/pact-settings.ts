// Settings shared by the pact:* scripts: the broker (conventional PACT_BROKER_* variables), the
// version (git SHA) and branch (git or CI variables). Secrets only come from the environment.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseFlags } from '../cli/args.ts';
import { UsageError } from '../cli/usage-error.ts';
import { renderFlagHelp } from '../settings/help.ts';
import { BROKER_SETTINGS } from '../settings/pact.ts';
import { SettingError } from '../settings/setting.ts';
import { readSettings, type SettingTable, type SettingValues } from '../settings/read.ts';
import { PACT_CLI } from '../contracts/rust-verifier.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Broker {
  url: string;
  token?: string;
  username?: string;
  password?: string;
}

const env = (name: string) => (process.env[name] ?? '') || undefined;

const BROKER_HELP =
  '  broker: PACT_BROKER_BASE_URL with PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD';

/** The broker, or a usage error naming the missing variables. */
export function brokerFromEnv(): Broker {
  const { url, token, username, password } = readSettings(BROKER_SETTINGS, { env: process.env });
  if (!url) {
    throw new UsageError(
      'PACT_BROKER_BASE_URL is not set: export the URL of your Pact Broker (and PACT_BROKER_TOKEN, or ' +
        'PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD).',
    );
  }
  if (token) return { url, token };
  if (username && password) return { url, username, password };
  throw new UsageError(
    'No Pact Broker credentials: set PACT_BROKER_TOKEN, or both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.',
  );
}

function git(...args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

/** The version: the setting (flag or `variable`), else GITHUB_SHA / CI_COMMIT_SHA, else `git rev-parse HEAD`. */
export function versionOf(setting: string | undefined, variable: string): string {
  const version = setting ?? env('GITHUB_SHA') ?? env('CI_COMMIT_SHA') ?? git('rev-parse', 'HEAD');
  if (!version)
    throw new UsageError(`Cannot tell the version: there is no git commit; pass --version or set ${variable}.`);
  return version;
}

/** The branch: the setting (flag or PACT_BRANCH), else CI variables (GitHub, GitLab, Jenkins), else git. */
export function branchOf(setting: string | undefined): string | undefined {
  return (
    setting ??
    env('GITHUB_HEAD_REF') ??
    env('GITHUB_REF_NAME') ??
    env('CI_COMMIT_REF_NAME') ??
    env('BRANCH_NAME') ??
    git('branch', '--show-current')
  );
}

/** PACT_BUILD_URL, else the GitHub Actions run URL. */
export function buildUrlOf(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
  return env('PACT_BUILD_URL') ?? (server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined);
}

/** Runs the official pact CLI; broker credentials reach it through its own PACT_BROKER_* variables, never argv. */
export function runPactCli(args: string[], broker: Broker): Promise<number> {
  console.log(`pact ${args.join(' ')}`);
  const credentials = {
    PACT_BROKER_BASE_URL: broker.url,
    PACT_BROKER_TOKEN: broker.token,
    PACT_BROKER_USERNAME: broker.username,
    PACT_BROKER_PASSWORD: broker.password,
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PACT_CLI, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...credentials, PACT_DO_NOT_TRACK: process.env.PACT_DO_NOT_TRACK ?? 'true' },
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** A pact:* script's --help: how to run it, its flags (from its setting table), then `more` lines. */
export function pactUsage(name: string, table: SettingTable, width: number, more: string[] = []): string {
  return [`npm run ${name} -- [options]`, ...renderFlagHelp(table, width), ...more, BROKER_HELP].join('\n');
}

/**
 * Runs a pact:* script: --help prints `usage`; otherwise its flags and the environment are read into its
 * settings and handed to `main`. Usage errors print one sentence and exit 2; other failures exit 1.
 */
export async function runPactScript<T extends SettingTable>(
  name: string,
  table: T,
  usage: string,
  main: (settings: SettingValues<T>) => Promise<number>,
): Promise<void> {
  try {
    const flags = parseFlags(process.argv.slice(2), table, name, ['help']);
    if (flags.help) {
      console.log(usage);
      process.exitCode = 0;
      return;
    }
    process.exitCode = await main(readSettings(table, { env: process.env, flags }));
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError || error instanceof SettingError ? 2 : 1;
  }
}
