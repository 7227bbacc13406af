// Concurrent refreshes of one token: exactly one may win (with a rotation grace, at least one).
import { Evidence, type Check } from '../../check.ts';

export const RACE_SIZE = Number(process.env.TOKEN_SUITE_RACE_SIZE ?? 24);
const ROUNDS = 3;

export const raceOneWinner: Check = {
  id: 'REFRESH-04',
  title: `${RACE_SIZE} concurrent refreshes of one token give exactly one success`,
  level: 'MUST',
  source: 'RFC 9700 §4.14.2 (a refresh token is single-use)',
  async run(probe) {
    const e = new Evidence();
    const grace = probe.target.rotationGraceSeconds > 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { refreshToken } = await probe.login();
      const results = await Promise.all(Array.from({ length: RACE_SIZE }, () => probe.refresh(refreshToken)));
      const wins = results.filter((r) => r.issued).length;
      const rejected = results.filter((r) => r.status >= 400 && r.status < 500).length;
      const ok = grace ? wins >= 1 : wins === 1;
      e.expect(
        ok,
        `round ${round}: ${wins} won, ${rejected} rejected with a 4xx, ${RACE_SIZE - wins - rejected} other${grace ? ' (rotation grace: several wins allowed)' : ''}`,
      );
    }
    return e.done();
  },
};
