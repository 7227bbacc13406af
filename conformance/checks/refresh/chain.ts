import type { Check } from '../../check.ts';
import { describeExchange } from '../../evidence.ts';

const CHAIN_LENGTH = 25;

export const chainHolds: Check = {
  id: 'REFRESH-08',
  title: `A chain of ${CHAIN_LENGTH} consecutive refreshes holds, every pair new`,
  level: 'MUST',
  source: 'docs: Refresh token; RFC 9700 §4.14.2',
  minimum: `an answer to each of the ${CHAIN_LENGTH} refreshes (a defect may show only after some rotations)`,
  async run(probe, e) {
    let pair = await probe.login();
    const seen = new Set([pair.token, pair.refreshToken]);
    for (let step = 1; step <= CHAIN_LENGTH; step += 1) {
      const ex = await probe.refresh(pair.refreshToken);
      if (!e.expect(ex.status === 200 && ex.issued !== undefined, `step ${step}: ${describeExchange(ex)}`)) return;
      pair = ex.issued!;
      const repeats = seen.has(pair.token) || seen.has(pair.refreshToken) || pair.token === pair.refreshToken;
      if (!e.expect(!repeats, `step ${step}: both tokens are new, and differ from each other`)) return;
      seen.add(pair.token).add(pair.refreshToken);
    }
    e.note(`${CHAIN_LENGTH} rotations, ${seen.size} distinct tokens`);
  },
};
