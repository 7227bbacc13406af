// The catalog is complete and usable by name: each mutant is described, probed, documented and servable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServerByName, SERVER_NAMES } from '../by-name.ts';
import { createMutantServer, MUTANTS, UnknownMutantError, type Category } from './index.ts';
import { login } from '../../testing/http.ts';
import { PROBES } from '../../testing/defect-probes/index.ts';
import { rawPost, rawRequest, rawStatus } from '../../testing/raw-request.ts';
import { TEST_SCRYPT_COST, withServer } from '../../testing/with-server.ts';

const CATEGORIES: Category[] = [
  'response-shape',
  'token-format',
  'rotation',
  'replay',
  'race',
  'auth-bypass',
  'input',
  'leakage',
  'headers',
  'load',
];

describe('mutant catalog', () => {
  it('has at least 12 mutants with unique kebab-case names, covering every category', () => {
    assert.ok(MUTANTS.length >= 12);
    assert.equal(new Set(MUTANTS.map((m) => m.name)).size, MUTANTS.length);
    for (const m of MUTANTS) assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.deepEqual([...new Set(MUTANTS.map((m) => m.category))].sort(), [...CATEGORIES].sort());
  });

  it('describes each mutant with one defect sentence and the requirements that should catch it', () => {
    for (const m of MUTANTS) {
      assert.ok(m.defect.endsWith('.') && !/[.!?]\s+[A-Z]/.test(m.defect), `${m.name}: one sentence`);
      assert.ok(m.violates.length > 0 && m.violates.every((v) => /^(conformance|contract|load):/.test(v)), m.name);
    }
  });

  it('probes every mutant, and only mutants of the catalog', () => {
    const probed = new Set(PROBES.map((p) => p.mutant));
    assert.deepEqual(
      MUTANTS.map((m) => m.name).filter((name) => !probed.has(name)),
      [],
    );
    assert.deepEqual(
      [...probed].filter((name) => !MUTANTS.some((m) => m.name === name)),
      [],
    );
  });

  it('lists every mutant in README.md', () => {
    const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
    for (const m of MUTANTS) assert.ok(readme.includes(`\`${m.name}\``), `${m.name} is missing from README.md`);
  });

  it('refuses an unknown mutant name with an error listing every name', () => {
    assert.throws(
      () => createMutantServer('no-such-mutant'),
      (error: unknown) => {
        assert.ok(error instanceof UnknownMutantError);
        for (const m of MUTANTS) assert.ok(error.message.includes(m.name));
        return true;
      },
    );
  });

  it('serves the reference, the alt server and every mutant by name', async () => {
    assert.deepEqual(SERVER_NAMES.slice(0, 2), ['reference', 'alt']);
    for (const name of SERVER_NAMES) {
      const server = createServerByName(name, { scryptCost: TEST_SCRYPT_COST });
      const { status } = await withServer(server, (base) => login(base));
      assert.equal(status, 200, name);
    }
  });

  it('keeps every server up on a request target the URL parser rejects: one defect each, no crash', async () => {
    for (const name of SERVER_NAMES) {
      const server = createServerByName(name, { scryptCost: TEST_SCRYPT_COST });
      const [odd, { status }] = await withServer(server, async (base) => [
        rawStatus(await rawRequest(base, rawPost('//[', 'a=b'))),
        await login(base),
      ]);
      assert.ok(odd > 0 && odd < 500, `${name} answered ${odd}`);
      assert.equal(status, 200, name);
    }
  });
});
