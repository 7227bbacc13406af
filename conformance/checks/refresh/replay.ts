// A spent refresh token must not work again. With --rotation-grace S, the previous token may work
// inside S seconds; anything older, or the previous token after S, must still fail.
import { sleep, type Check } from '../../check.ts';

export const replayRejected: Check = {
  id: 'REFRESH-03',
  title: 'A used refresh token is rejected on replay',
  level: 'MUST',
  source: 'RFC 9700 §4.14.2; docs: Refresh token',
  minimum: 'an answer to a replay of a spent token (with a grace: also one after the grace has passed)',
  async run(probe, e) {
    const grace = probe.target.rotationGraceSeconds;
    const first = await probe.login();
    const second = (await probe.refresh(first.refreshToken)).issued;
    if (!e.expect(second !== undefined, 'the first refresh returned a pair')) return;
    if (grace === 0) {
      e.rejected(await probe.refresh(first.refreshToken), 'immediate replay of the spent token');
      return;
    }
    const third = (await probe.refresh(second!.refreshToken)).issued;
    if (!e.expect(third !== undefined, 'the second refresh returned a pair')) return;
    e.rejected(await probe.refresh(first.refreshToken), 'replay of a token two rotations old (outside any grace)');
    e.note(`waiting ${grace + 1} s for the ${grace} s rotation grace to pass`);
    await sleep((grace + 1) * 1000);
    e.rejected(await probe.refresh(second!.refreshToken), `replay of the previous token after the ${grace} s grace`);
  },
};
