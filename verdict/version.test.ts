// summary.json and --version name the tool's real version: package.json's, not a hard-coded one.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSummary } from './summary.ts';
import { readVersion, TOOL_VERSION } from './version.ts';

describe('the tool version', () => {
  it('is read from package.json', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'token-suite-')), 'package.json');
    writeFileSync(file, JSON.stringify({ name: 'token-suite', version: '9.8.7-rc.1' }));
    assert.equal(readVersion(file), '9.8.7-rc.1');
    assert.equal(TOOL_VERSION, readVersion(new URL('../package.json', import.meta.url)));
  });

  it("is summary.json's tool.version", () => {
    const summary = buildSummary({
      target: 'http://127.0.0.1:8080',
      embedded: false,
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      interrupted: false,
      layers: [],
      requirements: [],
      load: null,
    });
    assert.deepEqual(summary.tool, { name: 'token-suite', version: TOOL_VERSION });
  });
});
