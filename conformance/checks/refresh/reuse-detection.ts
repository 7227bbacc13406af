import { sleep, type Check } from '../../check.ts';

export const reuseRevokesFamily: Check = {
  id: 'REFRESH-05',
  title: 'Replaying a used refresh token revokes the newest token of its family (reuse detection)',
  level: 'SHOULD',
  source: 'RFC 9700 §4.14.2',
  minimum: 'an answer to a replay, then to the newest token of the same family',
  async run(probe, e) {
    const first = await probe.login();
    const second = (await probe.refresh(first.refreshToken)).issued;
    if (!e.expect(second !== undefined, 'the first refresh returned a pair')) return;
    const grace = probe.target.rotationGraceSeconds;
    if (grace > 0) await sleep((grace + 1) * 1000);
    e.rejected(await probe.refresh(first.refreshToken), 'replay of the spent token');
    e.rejected(await probe.refresh(second!.refreshToken), 'the newest token after the replay');
  },
};
