// A stand-in `k6` executable for machines without k6: `k6-cli.ts run [-e K=V]... [--out json=FILE]
// [--quiet] script.js` runs the bundle in the harness, like `k6 run` (system env vars included in
// __ENV, exit code 99 when a threshold fails). Lets the suite test `--engine k6` end to end.
import { fileURLToPath } from 'node:url';
import { runBundle } from './run-bundle.ts';

export interface K6Args {
  script: string;
  env: Record<string, string>;
  out: string | null;
}

export function parseK6Args(argv: string[]): K6Args {
  if (argv[0] !== 'run') throw new Error('only `k6 run` is emulated');
  const args: K6Args = { script: '', env: {}, out: null };
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '-e' || arg === '--env') {
      const pair = argv[++i] ?? '';
      args.env[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
    } else if (arg === '--out' || arg === '-o') {
      const out = argv[++i] ?? '';
      if (out.startsWith('json=')) args.out = out.slice(5);
    } else if (!arg.startsWith('-')) args.script = arg;
  }
  return args;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = parseK6Args(process.argv.slice(2));
  const env = { ...(process.env as Record<string, string>), ...args.env };
  const result = await runBundle(args.script, { env, samplesFile: args.out });
  process.exitCode = result.exitCode;
}
