import { type Check } from '../../check.ts';

export const newPair: Check = {
  id: 'REFRESH-02',
  title: 'A refresh returns a new pair: a new refreshToken and a new token',
  level: 'MUST',
  source: 'docs: Refresh token; RFC 9700 §4.14.2 (rotation)',
  minimum: 'one refresh that returned a pair',
  async run(probe, e) {
    const first = await probe.login();
    const next = (await probe.refresh(first.refreshToken)).issued;
    if (!e.expect(next !== undefined, 'the refresh returned a pair')) return;
    e.expect(next!.refreshToken !== first.refreshToken, 'the refreshToken changed');
    e.expect(next!.token !== first.token, 'the access token changed');
  },
};
