// A spent refresh token must not work again. With --rotation-grace S, grace is a time window: a used token
// may work again only within S seconds of its first use (ORY Hydra, Okta); after that it must be rejected,
// however many rotations old it is. A replay is judged "after the window" only when it was sent more than S
// seconds after the answer to the token's first use, so a server's own timing can never make it so.
import { sleep, type Check, type Evidence } from '../../check.ts';
import { describeExchange } from '../../evidence.ts';
import type { Exchange } from '../../exchange.ts';
import type { Probe } from '../../probe.ts';

export const replayRejected: Check = {
  id: 'REFRESH-03',
  title: 'A used refresh token is rejected on replay',
  level: 'MUST',
  source: 'RFC 9700 §4.14.2; docs: Refresh token',
  minimum:
    'an answer to a replay of a spent token (with --rotation-grace: a replay of each of two spent tokens ' +
    'after the window since its first use)',
  async run(probe, e) {
    const grace = probe.target.rotationGraceSeconds;
    const first = await probe.login();
    const used = await timedRefresh(probe, first.refreshToken);
    const second = used.ex.issued;
    if (!e.expect(second !== undefined, `the first refresh returned a pair: ${describeExchange(used.ex)}`)) return;
    if (grace === 0) {
      e.rejected(await probe.refresh(first.refreshToken), 'immediate replay of the spent token');
      return;
    }
    const usedAgain = await timedRefresh(probe, second!.refreshToken);
    if (!e.expect(usedAgain.ex.issued !== undefined, 'the second refresh returned a pair')) return;
    await replay(probe, e, first.refreshToken, used.answeredAt, grace, 'a token two rotations old');
    e.note(`waiting ${grace + 1} s for the ${grace} s rotation grace to pass`);
    await sleep((grace + 1) * 1000);
    await replay(probe, e, first.refreshToken, used.answeredAt, grace, 'the first spent token');
    await replay(probe, e, second!.refreshToken, usedAgain.answeredAt, grace, 'the second spent token');
  },
};

async function timedRefresh(probe: Probe, token: string): Promise<{ ex: Exchange; answeredAt: number }> {
  const ex = await probe.refresh(token);
  return { ex, answeredAt: performance.now() };
}

/** Inside the window a new pair or a rejection is right (a 5xx never is); after it, only a rejection. */
async function replay(probe: Probe, e: Evidence, token: string, firstUse: number, grace: number, what: string) {
  const sentAt = performance.now();
  const ex = await probe.refresh(token);
  const after = sentAt - firstUse;
  if (after > grace * 1000) {
    e.rejected(ex, `replay of ${what}, ${(after / 1000).toFixed(1)} s after its first use (grace ${grace} s)`);
    return;
  }
  const inside = `replay of ${what} inside the ${grace} s grace (${Math.round(after)} ms after its first use)`;
  const answered = ex.issued !== undefined || (ex.status >= 400 && ex.status < 500);
  e.expect(answered, `${inside}: a new pair or a rejection, ${describeExchange(ex)}`);
}
