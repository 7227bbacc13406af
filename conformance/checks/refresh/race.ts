// Concurrent refreshes of one token: exactly one may win (with a rotation grace, at least one: every racer
// presents the token within the grace period of its rotation).
import type { Check } from '../../check.ts';

const ROUNDS = 3;

export const raceOneWinner: Check = {
  id: 'REFRESH-04',
  title: 'Concurrent refreshes of one token give exactly one success',
  level: 'MUST',
  source: 'RFC 9700 §4.14.2 (a refresh token is single-use)',
  minimum:
    `${ROUNDS} rounds of concurrent refreshes (TOKEN_SUITE_RACE_SIZE, default 24) answered: ` +
    'one round can be won by luck',
  async run(probe, e) {
    const grace = probe.target.rotationGraceSeconds > 0;
    const size = probe.raceSize;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { refreshToken } = await probe.login();
      const results = await Promise.all(Array.from({ length: size }, () => probe.refresh(refreshToken)));
      const wins = results.filter((r) => r.issued).length;
      const rejected = results.filter((r) => r.status >= 400 && r.status < 500).length;
      const other = size - wins - rejected;
      const allowance = grace ? ' (rotation grace: several wins allowed)' : '';
      e.expect(
        grace ? wins >= 1 : wins === 1,
        `round ${round}: ${size} racers, ${wins} won, ${rejected} rejected with a 4xx, ${other} other${allowance}`,
      );
    }
  },
};
