// Bad password grants: each case must get a 4xx and no token. TOKEN-04..07 are lists of such cases.
import type { Check } from '../../check.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

type Change = Record<string, string | undefined>;

export function rejectsEvery(id: string, title: string, cases: [what: string, change: Change][]): Check {
  return {
    id,
    title,
    level: 'MUST',
    source: 'docs: Get token; RFC 6749 §5.2',
    minimum: `an answer to each of its ${cases.length} cases (each is a different way to get credentials wrong)`,
    async run(probe, e) {
      for (const [what, change] of cases) e.rejected(await probe.post(PATHS.token, probe.loginBody(change)), what);
    },
  };
}
