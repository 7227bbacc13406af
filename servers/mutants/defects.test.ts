// Each mutant breaks the requirement its probe checks, and the reference server keeps it:
// the same probe runs against both, so the test fails if either side changes.
import assert from 'node:assert/strict';
import { createTokenServer } from '../reference/index.ts';
import { createMutantServer } from './index.ts';
import { PROBES } from '../../testing/defect-probes/index.ts';
import { TEST_SCRYPT_COST, withServer } from '../../testing/with-server.ts';

/** The 5xx mutants log their crash with console.error; expected here, so not printed. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const error = console.error;
  console.error = () => undefined;
  try {
    return await run();
  } finally {
    console.error = error;
  }
}

describe('every mutant breaks a requirement the reference server keeps', () => {
  for (const probe of PROBES) {
    it(`${probe.requirement} (broken by ${probe.mutant})`, async () => {
      const reference = createTokenServer({ scryptCost: TEST_SCRYPT_COST });
      assert.equal(
        await withServer(reference, (base) => probe.shows(base, reference)),
        false,
        'the reference server breaks it',
      );
      const mutant = createMutantServer(probe.mutant, { scryptCost: TEST_SCRYPT_COST });
      const shown = await quietly(() => withServer(mutant, (base) => probe.shows(base, mutant)));
      assert.equal(shown, true, `${probe.mutant} does not show its defect`);
    });
  }
});
