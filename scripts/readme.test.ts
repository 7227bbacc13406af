// The README's requirement catalog stays true: every requirement id the code defines is listed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { README, readSection } from './readme-section.ts';
import { SETTINGS_SECTIONS } from './readme-settings.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('README', () => {
  it('lists every requirement id that verify/, conformance/, contracts/ and load/ define, in its catalog', () => {
    const ids = new Set(
      ['verify', 'conformance', 'contracts', 'load/report']
        .flatMap(sources)
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bid: '([A-Z]+-\d{2})'/g)].map((m) => m[1]!)),
    );
    assert.ok(ids.size >= 30, `only ${ids.size} ids found`);
    // SUITE-01 is not a requirement of a server: it reports a layer of the suite that crashed.
    assert.ok(
      ids.delete('SUITE-01') && readFileSync(README, 'utf8').includes('`SUITE-01`'),
      'the README explains SUITE-01',
    );
    const catalog = readSection('catalog');
    const missing = [...ids].filter((id) => !catalog.includes(`\`${id}\``));
    assert.deepEqual(missing, [], 'run npm run catalog -- --write');
  });

  it('shows every setting of verify and serve as the setting tables define them', () => {
    for (const [name, table] of Object.entries(SETTINGS_SECTIONS)) {
      assert.equal(readSection(name).trim(), table.trim(), `run npm run readme:settings -- --write (${name})`);
    }
  });
});
