// npm run catalog: the requirement catalog as a Markdown table, from a real run against the embedded
// reference server (so it lists exactly what `verify` checks). --write puts it into docs/requirements.md.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySettings } from '../settings/verify.ts';
import { LAYERS } from '../cli/layers.ts';
import { verify } from '../verify/run.ts';
import type { RequirementResult } from '../verdict/types.ts';
import { writeSection } from './doc-sections.ts';

export function renderCatalog(requirements: RequirementResult[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = requirements.map((r) => {
    const cells = [`\`${r.id}\``, r.level, r.layer, escape(r.title), escape(r.minimum ?? ''), escape(r.source)];
    return `| ${cells.join(' | ')} |`;
  });
  const head = '| id | level | layer | requirement | least evidence (else inconclusive) | source |';
  return [head, '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

const settings = verifySettings({
  reportDir: mkdtempSync(join(tmpdir(), 'catalog-')),
  durationSeconds: 3,
  engine: 'node',
});
const { summary } = await verify({ settings, layers: settings.only.map((name) => LAYERS[name]()) });
const table = renderCatalog(summary.requirements);
console.log(table);
if (process.argv.includes('--write')) writeSection('catalog', table);
