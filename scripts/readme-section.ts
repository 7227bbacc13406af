// Replaces the text between <!-- NAME:start --> and <!-- NAME:end --> in README.md.
import { readFileSync, writeFileSync } from 'node:fs';

export const README = new URL('../README.md', import.meta.url);

export function readSection(name: string, text = readFileSync(README, 'utf8')): string {
  const [start, end] = [`<!-- ${name}:start -->\n`, `<!-- ${name}:end -->`];
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${name} section (${start.trim()} … ${end})`);
  return text.slice(from + start.length, to);
}

export function writeSection(name: string, body: string): void {
  const text = readFileSync(README, 'utf8');
  const old = readSection(name, text);
  writeFileSync(README, text.replace(`<!-- ${name}:start -->\n${old}`, `<!-- ${name}:start -->\n${body.trimEnd()}\n`));
}
