// Bad password grants: each case must get a 4xx and no token. TOKEN-04..07 are lists of such cases. A case
// sent as 'ghost' names this run's username that cannot exist, so it locks no real account; the others name
// the configured username (a wrong password there counts against the run's failed-login limit).
import type { Check } from '../../check.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

type Change = Record<string, string | undefined>;
export type RejectionCase = [what: string, change: Change, account?: 'ghost'];

export function rejectsEvery(id: string, title: string, cases: RejectionCase[]): Check {
  return {
    id,
    title,
    level: 'MUST',
    source: 'docs: Get token; RFC 6749 §5.2',
    minimum: `an answer to each of its ${cases.length} cases (each is a different way to get credentials wrong)`,
    async run(probe, e) {
      for (const [what, change, account] of cases) {
        const body = account === 'ghost' ? probe.ghostBody(change) : probe.loginBody(change);
        e.rejected(await probe.post(PATHS.token, body), what);
      }
    },
  };
}
