// Generated sections of the documentation: the text between <!-- NAME:start --> and <!-- NAME:end --> is
// written by a script (its --write flag) and checked by a test. Each section lives in one document.
import { readFileSync, writeFileSync } from 'node:fs';

const doc = (path: string) => new URL(`../${path}`, import.meta.url);

/** Where each generated section lives. */
export const SECTION_FILES = {
  'verify-settings': doc('README.md'),
  'serve-settings': doc('docs/reference-server.md'),
  'collect-settings': doc('docs/k6.md'),
  catalog: doc('docs/requirements.md'),
  'kill-matrix': doc('docs/kill-matrix.md'),
  'bench-store': doc('docs/reference-server.md'),
  bench: doc('docs/benchmark.md'),
  'bench-capacity': doc('docs/benchmark.md'),
  'load06-busy': doc('docs/load.md'),
  'load06-calm': doc('docs/load.md'),
  'baseline-bench': doc('docs/baseline.md'),
} as const;
export type SectionName = keyof typeof SECTION_FILES;

export function readSection(name: SectionName, text = readFileSync(SECTION_FILES[name], 'utf8')): string {
  const [start, end] = [`<!-- ${name}:start -->\n`, `<!-- ${name}:end -->`];
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the file has no ${name} section (${start.trim()} … ${end})`);
  return text.slice(from + start.length, to);
}

export function writeSection(name: SectionName, body: string): void {
  const file = SECTION_FILES[name];
  const text = readFileSync(file, 'utf8');
  const old = readSection(name, text);
  writeFileSync(file, text.replace(`<!-- ${name}:start -->\n${old}`, `<!-- ${name}:start -->\n${body.trimEnd()}\n`));
}
