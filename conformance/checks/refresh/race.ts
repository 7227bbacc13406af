// Concurrent refreshes of one token: exactly one may win, and every other racer is a loser (a 4xx without a
// token). A 5xx, a timeout, a closed connection or any other answer fails the race: it is not a rejection.
// With a rotation grace, extra winners are allowed only if every winner got a valid pair of its own (no token
// repeats across winners: two holders of one pair could not be told apart, RFC 9700 §4.14.2), and every raced
// token is rejected once the window has passed.
import { validateOpaqueTokenResponse } from '../../../schemas/validators.ts';
import { TransportError } from '../../../client/transport.ts';
import { sleep, type Check, type Evidence } from '../../check.ts';
import { describeExchange } from '../../evidence.ts';
import type { Exchange } from '../../exchange.ts';

const ROUNDS = 3;

export const raceOneWinner: Check = {
  id: 'REFRESH-04',
  title: 'Concurrent refreshes of one token give exactly one success',
  level: 'MUST',
  source: 'RFC 9700 §4.14.2 (a refresh token is single-use)',
  minimum:
    `${ROUNDS} rounds of concurrent refreshes (TOKEN_SUITE_RACE_SIZE, default 24) with every racer answered ` +
    '(one round can be won by luck); with --rotation-grace: also an answer to each raced token after the window',
  async run(probe, e) {
    const grace = probe.target.rotationGraceSeconds;
    const size = probe.raceSize;
    const raced: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { refreshToken } = await probe.login();
      raced.push(refreshToken);
      const settled = await Promise.allSettled(Array.from({ length: size }, () => probe.refresh(refreshToken)));
      judgeRound(e, round, settled, refreshToken, grace);
    }
    if (grace === 0) return;
    e.note(`waiting ${grace + 1} s for the ${grace} s rotation grace to pass`);
    await sleep((grace + 1) * 1000);
    for (const [i, token] of raced.entries()) {
      e.rejected(await probe.refresh(token), `round ${i + 1}'s raced token after the ${grace} s grace`);
    }
  },
};

function judgeRound(
  e: Evidence,
  round: number,
  settled: PromiseSettledResult<Exchange>[],
  raced: string,
  grace: number,
): void {
  const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const winners = answered.filter((ex) => ex.issued);
  const losers = answered.filter((ex) => ex.status >= 400 && ex.status < 500 && !ex.issued);
  const others = answered.filter((ex) => !ex.issued && !(ex.status >= 400 && ex.status < 500));
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  const isUnanswered = (error: unknown): error is TransportError =>
    error instanceof TransportError && error.kind !== 'aborted';
  const unanswered = failed.filter(isUnanswered);
  const withheld = failed.find((error) => !isUnanswered(error));
  if (withheld !== undefined) {
    e.lacking(`round ${round}: a racer was not sent or not awaited: ${(withheld as Error).message}`);
    return;
  }
  const counts =
    `round ${round}: ${settled.length} racers, ${winners.length} won, ${losers.length} rejected with a 4xx, ` +
    `${others.length} other answers, ${unanswered.length} unanswered (timeout or closed connection)`;
  if (grace === 0) {
    e.expect(winners.length === 1 && others.length === 0 && unanswered.length === 0, counts);
  } else {
    e.expect(winners.length >= 1 && others.length === 0 && unanswered.length === 0, `${counts} (rotation grace)`);
  }
  for (const ex of others.slice(0, 3)) e.note(`not a rejection: ${describeExchange(ex)}`);
  for (const error of unanswered.slice(0, 3)) e.note(`not a rejection: ${error.message}`);
  if (grace === 0 || winners.length < 2) return;
  const invalid = winners.filter((ex) => ex.status !== 200 || !validateOpaqueTokenResponse(ex.json).ok);
  e.expect(invalid.length === 0, `round ${round}: every winner got a valid pair (${invalid.length} did not)`);
  const tokens = winners.flatMap((ex) => [ex.issued!.token, ex.issued!.refreshToken]);
  const distinct = new Set([...tokens, raced]).size - 1;
  e.expect(
    distinct === tokens.length,
    `round ${round}: no token repeats across the ${winners.length} winners (${tokens.length - distinct} repeated): ` +
      'a pair sent twice would be shared by the client and an attacker',
  );
}
