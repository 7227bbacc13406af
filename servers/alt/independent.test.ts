// The alt server shows none of the mutants' defects, and shares no code with the reference server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { PROBES } from '../../testing/defect-probes/index.ts';
import { withAlt } from '../../testing/alt-server.ts';

describe('alt server: a second correct implementation', () => {
  for (const probe of PROBES.filter((p) => !p.needsContext)) {
    it(`keeps: ${probe.requirement}`, async () => {
      const shown = await withAlt({}, (base) => probe.shows(base, {} as never));
      assert.equal(shown, false);
    });
  }

  it('imports nothing outside servers/alt/ but node: built-ins', () => {
    const dir = new URL('.', import.meta.url);
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testing.ts',
    )) {
      const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const source of imports) assert.match(source, /^(node:|\.\/)/, `${file} imports ${source}`);
    }
  });
});
