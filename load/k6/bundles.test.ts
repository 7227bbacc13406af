// The k6 bundles, built and checked without k6: one per entry, no syntax newer than ES2017, no regular
// expression goja rejects, only k6 modules imported. Their runs on a real k6 are in bundles.slow.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { importedModules, regexpsGojaRejects, syntaxNewerThanEs2017 } from '../../testing/k6-bundle-lint.ts';
import { buildK6, k6Entries } from './build.ts';

describe('k6 bundles', function () {
  this.timeout(180_000);
  let out: string;
  let bundles: string[];
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'token-suite-bundles-'));
    bundles = await buildK6(out);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('builds one bundle per load/k6/scripts/*.load.ts entry', () => {
    assert.deepEqual(
      bundles.map((b) => basename(b)).sort(),
      k6Entries()
        .map((e) => basename(e).replace('.load.ts', '.js'))
        .sort(),
    );
  });

  it('import only k6 modules, use no syntax newer than ES2017 and no regular expression goja rejects', () => {
    for (const file of bundles) {
      const source = readFileSync(file, 'utf8');
      assert.deepEqual(
        importedModules(source).filter((m) => m !== 'k6' && !m.startsWith('k6/')),
        [],
        file,
      );
      assert.deepEqual(syntaxNewerThanEs2017(source), [], file);
      assert.deepEqual(regexpsGojaRejects(source), [], file);
      assert.doesNotMatch(source, /new Function|\beval\(|https?:\/\/jslib/, file);
    }
  });

  it('as CommonJS (the bundle a verify run gives k6 before v0.53): k6 modules only, ES2017', async () => {
    const cjs = await buildK6(join(out, 'cjs'), ['mix'], 'cjs');
    const source = readFileSync(cjs[0]!, 'utf8');
    const modules = importedModules(source);
    assert.ok(modules.includes('k6/http'), modules.join(', '));
    assert.deepEqual(
      modules.filter((m) => m !== 'k6' && !m.startsWith('k6/')),
      [],
    );
    assert.doesNotMatch(source, /^(import|export) /m);
    assert.match(source, /module\.exports = /);
    assert.deepEqual(syntaxNewerThanEs2017(source), []);
  });

  it('the regular-expression check catches the pattern that kept the bundles off k6 (ajv-formats uri)', () => {
    const formats = readFileSync(new URL('../../node_modules/ajv-formats/dist/formats.js', import.meta.url), 'utf8');
    assert.match(regexpsGojaRejects(formats).join('\n'), /\\u\{\.\.\.\} in a pattern only regexp2 can run/);
    assert.deepEqual(regexpsGojaRejects('const a = /(?!x)[\\u{a1}-\\u{ffff}]/iu, b = /x/s;').length, 2);
  });
});
