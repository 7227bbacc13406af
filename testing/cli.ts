// Runs the real CLI (bin/token-suite.js) as a user would, for tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/token-suite.js', import.meta.url));
/** The CLI run in-process by a wrapper that prints its peak memory (maxRSS-kB N) on stderr at exit. */
const MEASURED = fileURLToPath(new URL('./measured-cli.ts', import.meta.url));

export interface Served {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `token-suite serve --port 0 ...args` and resolves with the URL it prints. */
export function startServe(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env } });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child, output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run in ms. */
  ms: number;
}

/** The peak resident memory a measured run printed, in MiB. */
export function peakMiB(run: CliRun): number {
  const kB = Number(/maxRSS-kB (\d+)/.exec(run.stderr)?.[1]);
  if (!Number.isFinite(kB)) throw new Error(`the run printed no maxRSS line: ${run.stderr.slice(-500)}`);
  return kB / 1024;
}

/**
 * Runs the CLI to completion (`measured`: in a wrapper that prints its peak memory). `interruptWhen` sends
 * SIGINT (Ctrl-C) once stdout matches it (never a fixed sleep: the handler exists once the run prints);
 * `interruptTwice` sends a second SIGINT right after (as npm does).
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  {
    timeoutMs = 120_000,
    interruptWhen,
    interruptTwice = false,
    measured = false,
  }: { timeoutMs?: number; interruptWhen?: RegExp; interruptTwice?: boolean; measured?: boolean } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const entry = measured ? ['--import', 'tsx', MEASURED] : [BIN];
    const child = spawn(process.execPath, [...entry, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    let stdout = '';
    let stderr = '';
    const started = performance.now();
    let interrupted = false;
    child.stdout.on('data', (c: string) => {
      stdout += c;
      if (interruptWhen && !interrupted && interruptWhen.test(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
        if (interruptTwice) child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}
