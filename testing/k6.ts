// Tests that need a real k6 find it on the PATH; without one they are skipped with one line that says
// how to enable them (a missing external tool is the only reason a test of this suite may skip).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findK6, runK6, type K6Exit } from '../load/k6/process.ts';

const ENABLE_K6 =
  'k6 tests skipped: no k6 on the PATH. Enable them with k6 >= 0.49 on the PATH: export PATH="$PWD/../shared/bin:$PATH" in a checkout beside shared/, or install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/).';

let told = false;

/** The k6 on the PATH; without one, prints ENABLE_K6 once per run and skips the test or hook's suite. */
export function k6OrSkip(context: Mocha.Context): string {
  const k6 = findK6();
  if (k6) return k6;
  if (!told) console.log(`      ${ENABLE_K6}`);
  told = true;
  context.skip();
}

/** k6's environment for tests: no usage report (no network beyond loopback). */
const K6_ENV = { ...process.env, K6_NO_USAGE_REPORT: 'true' };

/** A k6 command (`run`, `inspect`, ...) with -e variables; resolves with its exit and output. */
export function k6(k6Path: string, args: string[], vars: Record<string, string> = {}, cwd?: string): Promise<K6Exit> {
  const env = Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const [command, ...rest] = args;
  return runK6(k6Path, [command as string, ...env, ...rest], { env: K6_ENV, cwd, timeoutMs: 180_000 });
}

/** k6's stderr and stdout, for assertion messages. */
export const shown = (exit: K6Exit) => `exit ${exit.code}\n${exit.stdout}\n${exit.stderr.join('\n')}`.slice(-3000);

/**
 * A stand-in k6 for the suite's handling of a k6 that cannot run: a shell script answering `version`,
 * `inspect` and `run` as told. It proves only how the suite reacts to those answers, nothing about k6.
 */
export function fakeK6(script: { version: string; inspect?: string; run?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'token-suite-fake-k6-'));
  const body = [
    '#!/bin/sh',
    'case "$1" in',
    `  version) ${script.version} ;;`,
    `  inspect) ${script.inspect ?? 'echo {}'} ;;`,
    `  run) ${script.run ?? 'exit 0'} ;;`,
    'esac',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'k6'), body);
  chmodSync(join(dir, 'k6'), 0o755);
  return dir;
}
