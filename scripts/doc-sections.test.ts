// The generated documentation stays true: the requirement catalog lists every id the code defines, the
// settings tables equal the setting tables, and every generated section is where SECTION_FILES says.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSection, SECTION_FILES, type SectionName } from './doc-sections.ts';
import { SETTINGS_SECTIONS } from './doc-settings.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('generated documentation', () => {
  it('lists every requirement id the layers and the run define, in docs/requirements.md', () => {
    const ids = new Set(
      ['verify', 'conformance', 'contracts', 'load/report']
        .flatMap(sources)
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bid: '([A-Z]+-\d{2})'/g)].map((m) => m[1]!)),
    );
    assert.ok(ids.size >= 30, `only ${ids.size} ids found`);
    // SUITE-01 is not a requirement of a server: it reports a layer of the suite that crashed.
    assert.ok(
      ids.delete('SUITE-01') && readFileSync(SECTION_FILES.catalog, 'utf8').includes('`SUITE-01`'),
      'docs/requirements.md explains SUITE-01',
    );
    const catalog = readSection('catalog');
    const missing = [...ids].filter((id) => !catalog.includes(`\`${id}\``));
    assert.deepEqual(missing, [], 'run npm run catalog -- --write');
  });

  it('finds every generated section in the document SECTION_FILES names', () => {
    for (const name of Object.keys(SECTION_FILES) as SectionName[]) assert.doesNotThrow(() => readSection(name), name);
  });

  it('shows every setting of verify and serve as the setting tables define them', () => {
    for (const [name, table] of Object.entries(SETTINGS_SECTIONS)) {
      assert.equal(
        readSection(name as SectionName).trim(),
        table.trim(),
        `run npm run readme:settings -- --write (${name})`,
      );
    }
  });
});
