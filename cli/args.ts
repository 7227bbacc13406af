// Command-line flags of a command, declared by its setting table. Unknown flags get a hint; a value
// that starts with '-' ("--duration -5") is taken as the value, so the range check can say what is wrong.
import { parseArgs } from 'node:util';
import type { Flags, SettingTable } from '../settings/read.ts';
import { UsageError } from './usage-error.ts';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export function parseFlags(args: string[], table: SettingTable, command: string, extra: string[] = []): Flags {
  const options: Record<string, OptionSpec> = {};
  for (const setting of Object.values(table)) {
    for (const name of setting.flag === undefined ? [] : [setting.flag, ...(setting.flagAliases ?? [])]) {
      options[name] = { type: setting.boolean ? 'boolean' : 'string' };
    }
  }
  for (const name of extra) options[name] = { type: 'boolean' };
  const joined = joinDashValues(args, options);
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(explain(error as Error & { code?: string }, Object.keys(options), command));
  }
}

/** "--duration -5" → "--duration=-5" for flags that take a value. */
function joinDashValues(args: string[], options: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const name = /^--([^=]+)$/.exec(args[i]!)?.[1];
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-[^-]/.test(next)) {
      out.push(`--${name}=${next}`);
      i += 1;
    } else out.push(args[i]!);
  }
  return out;
}

function explain(error: Error & { code?: string }, known: string[], command: string): string {
  const help = `see token-suite ${command} --help`;
  const unknown = /Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (unknown !== undefined) {
    const near = closest(unknown.replace(/^-+/, '').split('=')[0]!, known);
    return `Unknown option '${unknown}'${near ? ` (did you mean --${near}?)` : ''}; ${help}.`;
  }
  const missing = /Option '(--[^ ']+)[^']*' argument missing/.exec(error.message)?.[1];
  if (missing !== undefined) return `${missing} needs a value; ${help}.`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(error.message)?.[1] ?? '';
    return `Unexpected argument '${word}' (options start with --); ${help}.`;
  }
  return `${error.message.split('. ')[0]}; ${help}.`;
}

/** The known name within two edits of `name`, if any. */
function closest(name: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
