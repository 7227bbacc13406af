import { Evidence, type Check } from '../../check.ts';

export const CHAIN_LENGTH = 25;

export const chainHolds: Check = {
  id: 'REFRESH-08',
  title: `A chain of ${CHAIN_LENGTH} consecutive refreshes holds, every pair new`,
  level: 'MUST',
  source: 'docs: Refresh token; RFC 9700 §4.14.2',
  async run(probe) {
    const e = new Evidence();
    let pair = await probe.login();
    const seen = new Set([pair.token, pair.refreshToken]);
    for (let step = 1; step <= CHAIN_LENGTH; step += 1) {
      const ex = await probe.refresh(pair.refreshToken);
      if (!e.expect(ex.status === 200 && ex.issued !== undefined, `step ${step}: ${ex.status}`)) return e.done();
      pair = ex.issued!;
      const repeats = seen.has(pair.token) || seen.has(pair.refreshToken);
      if (!e.expect(!repeats, `step ${step}: every token is new`)) return e.done();
      seen.add(pair.token).add(pair.refreshToken);
    }
    e.note(`${CHAIN_LENGTH} rotations, ${seen.size} distinct tokens`);
    return e.done();
  },
};
