// Replaces the text between <!-- NAME:start --> and <!-- NAME:end --> in README.md (or another file).
import { readFileSync, writeFileSync } from 'node:fs';

export const README = new URL('../README.md', import.meta.url);
export const LOAD_README = new URL('../load/README.md', import.meta.url);

export function readSection(name: string, text = readFileSync(README, 'utf8')): string {
  const [start, end] = [`<!-- ${name}:start -->\n`, `<!-- ${name}:end -->`];
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the file has no ${name} section (${start.trim()} … ${end})`);
  return text.slice(from + start.length, to);
}

export function writeSection(name: string, body: string, file: URL = README): void {
  const text = readFileSync(file, 'utf8');
  const old = readSection(name, text);
  writeFileSync(file, text.replace(`<!-- ${name}:start -->\n${old}`, `<!-- ${name}:start -->\n${body.trimEnd()}\n`));
}
