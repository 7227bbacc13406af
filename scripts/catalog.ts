// npm run catalog: the requirement catalog as a Markdown table, from a real run against the embedded
// reference server (so it lists exactly what `verify` checks). --write puts it into README.md.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENTED_SEED } from '../server/index.ts';
import { LAYERS } from '../cli/layers.ts';
import { verify } from '../verify/run.ts';
import type { RequirementResult } from '../verify/types.ts';
import { writeSection } from './readme-section.ts';

export function renderCatalog(requirements: RequirementResult[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = requirements.map(
    (r) => `| \`${r.id}\` | ${r.level} | ${r.layer} | ${escape(r.title)} | ${escape(r.source)} |`,
  );
  return ['| id | level | layer | requirement | source |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

const { summary } = await verify({
  layers: (['conformance', 'contract', 'load'] as const).map((name) => LAYERS[name]()),
  reportDir: mkdtempSync(join(tmpdir(), 'catalog-')),
  durationSeconds: 2,
  engine: 'node',
  rotationGraceSeconds: 0,
  timeoutMs: 5000,
  credentials: { clientId: DOCUMENTED_SEED.clients[0]!, ...DOCUMENTED_SEED.users[0]! },
  log: () => undefined,
  signal: new AbortController().signal,
});
const table = renderCatalog(summary.requirements);
console.log(table);
if (process.argv.includes('--write')) writeSection('catalog', table);
