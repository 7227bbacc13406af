// Runs the k6 executable and keeps what it printed: its stderr lines are the evidence when k6 itself
// fails, never a Node stack. k6 logs in logfmt: time="..." level=error msg="..." hint="...".
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface K6Exit {
  /** The exit code; null when k6 was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string[];
}

/** The first executable named k6 on the PATH, or null. */
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

export interface K6Spawn {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  signal?: AbortSignal;
  /** Ends k6 (SIGKILL) after this many ms; 0: never. */
  timeoutMs?: number;
  /** Each stderr line as it comes (e.g. to a log file). */
  onStderr?: (line: string) => void;
  /** The k6 process's id, once it started (to count its CPU as the run's own). */
  onSpawn?: (pid: number) => void;
}

export function runK6(k6: string, args: string[], options: K6Spawn = {}): Promise<K6Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(k6, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    const stdout: Buffer[] = [];
    const stderr: string[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) keep(line);
    });
    const keep = (line: string) => {
      if (line.trim() === '') return;
      stderr.push(line);
      options.onStderr?.(line);
    };
    // SIGINT lets k6 stop gracefully and still run handleSummary, as Ctrl-C does.
    const stop = () => child.kill('SIGINT');
    options.signal?.addEventListener('abort', stop, { once: true });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      keep(partial);
      resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr });
    });
  });
}

/** k6's own words for an error line: msg's first line and its hint, else the line as printed. */
export function k6Message(line: string): string {
  const msg = /\bmsg="((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
  if (msg === undefined) return line.trim();
  const first = msg
    .replace(/\\n[\s\S]*$/, '')
    .replace(/\\"/g, '"')
    .replace(/\\t/g, ' ');
  const hint = /\bhint="((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
  return hint ? `${first} (${hint})` : first;
}

/** Lines k6 logged at level error or fatal. */
export function k6Errors(lines: string[]): string[] {
  return lines.filter((line) => /\blevel=(error|fatal)\b/.test(line));
}

/** The line that says why k6 failed: its last error line, else its last line, else the exit status. */
export function k6Reason(exit: K6Exit): string {
  const errors = k6Errors(exit.stderr);
  const line = errors[errors.length - 1] ?? exit.stderr[exit.stderr.length - 1];
  if (line) return k6Message(line);
  return exit.signal ? `k6 was ended by ${exit.signal}` : `k6 exited with ${exit.code} and printed nothing`;
}
