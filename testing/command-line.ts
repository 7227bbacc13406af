// Runs the command line in this process (cli/command-line.ts), as testing/cli.ts runs it in a child: the
// exit code and what it printed, with console.log/console.error captured and the given variables set for
// the run. Fast (no process start, no TypeScript compile); the spawned runs stay in the *.slow.test.ts files.
import { runCommandLine } from '../cli/command-line.ts';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(argv: string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  const { log, error } = console;
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  let stdout = '';
  let stderr = '';
  console.log = (...parts: unknown[]) => (stdout += `${parts.join(' ')}\n`);
  console.error = (...parts: unknown[]) => (stderr += `${parts.join(' ')}\n`);
  Object.assign(process.env, env);
  try {
    return { code: await runCommandLine(argv), stdout, stderr };
  } finally {
    console.log = log;
    console.error = error;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
