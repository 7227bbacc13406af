// Before a k6 run: is this k6 new enough, and does the bundle initialise on it? A k6 that fails here is
// the suite's problem (or the machine's), never the server's: `auto` then falls back to the Node engine,
// `--engine k6` stops with exit 2 and k6's own error line.
import { k6Env, k6InspectArgs, versionProblem, type K6Version } from './invocation.ts';
import { k6Reason, runK6 } from './process.ts';
const CHECK_TIMEOUT_MS = 60_000;

/** Why k6 cannot run the suite's bundle; the message is one sentence with k6's own words. */
export class K6Unusable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'K6Unusable';
  }
}

/** "k6 v0.49.0 (go1.19.8, linux/amd64)" -> [0, 49, 0]; null when the line says no version. */
export function parseK6Version(output: string): [number, number, number] | null {
  const match = /\bk6 v(\d+)\.(\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

export function isSupported(version: readonly number[]): boolean {
  return versionProblem(version as K6Version) === null;
}

/** k6's version line ("k6 v0.49.0 (go1.19.8, linux/amd64)") and the version it names. */
export interface K6VersionLine {
  line: string;
  version: K6Version;
}

/** Resolves with the version line and its version; throws K6Unusable when k6 does not run or is outside the
 * supported range. */
export async function checkVersion(k6: string): Promise<K6VersionLine> {
  const exit = await runK6(k6, ['version'], { timeoutMs: CHECK_TIMEOUT_MS }).catch((error: Error) => {
    throw new K6Unusable(`${k6} does not start (${error.message})`);
  });
  const line = exit.stdout.split('\n')[0]?.trim() ?? '';
  if (exit.code !== 0) throw new K6Unusable(`\`${k6} version\` failed: ${k6Reason(exit)}`);
  const version = parseK6Version(line);
  if (!version) throw new K6Unusable(`\`${k6} version\` printed '${line.slice(0, 80)}', not a k6 version`);
  const problem = versionProblem(version);
  if (problem) throw new K6Unusable(`${line}: ${problem}`);
  return { line, version };
}

/** `k6 inspect`: runs the bundle's init code (imports, options, settings) without sending a request. */
export async function checkBundle(
  k6: string,
  bundle: string,
  vars: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const exit = await runK6(k6, k6InspectArgs(bundle, vars), {
    env: k6Env(env),
    timeoutMs: CHECK_TIMEOUT_MS,
  });
  if (exit.code !== 0) throw new K6Unusable(`k6 cannot initialise ${bundle}: ${k6Reason(exit)}`);
}
