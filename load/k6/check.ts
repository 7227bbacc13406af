// Before a k6 run: is this k6 new enough, and does the bundle initialise on it? A k6 that fails here is
// the suite's problem (or the machine's), never the server's: `auto` then falls back to the Node engine,
// `--engine k6` stops with exit 2 and k6's own error line.
import { k6Reason, runK6 } from './process.ts';

/** The oldest k6 the bundles are tested on (ES2017 through its Babel, the APIs they use). */
const MIN_K6_VERSION = [0, 49, 0] as const;
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
  for (let i = 0; i < 3; i += 1)
    if (version[i] !== MIN_K6_VERSION[i]) return (version[i] ?? 0) > (MIN_K6_VERSION[i] as number);
  return true;
}

/** Resolves with the version line; throws K6Unusable when k6 does not run or is older than 0.49. */
export async function checkVersion(k6: string): Promise<string> {
  const exit = await runK6(k6, ['version'], { timeoutMs: CHECK_TIMEOUT_MS }).catch((error: Error) => {
    throw new K6Unusable(`${k6} does not start (${error.message})`);
  });
  const line = exit.stdout.split('\n')[0]?.trim() ?? '';
  if (exit.code !== 0) throw new K6Unusable(`\`${k6} version\` failed: ${k6Reason(exit)}`);
  const version = parseK6Version(line);
  if (!version) throw new K6Unusable(`\`${k6} version\` printed '${line.slice(0, 80)}', not a k6 version`);
  if (!isSupported(version))
    throw new K6Unusable(`${line} is older than k6 v${MIN_K6_VERSION.join('.')}, the oldest k6 the suite supports`);
  return line;
}

/** `k6 inspect`: runs the bundle's init code (imports, options, settings) without sending a request. */
export async function checkBundle(k6: string, bundle: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const exit = await runK6(k6, ['inspect', '--include-system-env-vars', ...args, bundle], {
    env,
    timeoutMs: CHECK_TIMEOUT_MS,
  });
  if (exit.code !== 0) throw new K6Unusable(`k6 cannot initialise ${bundle}: ${k6Reason(exit)}`);
}
