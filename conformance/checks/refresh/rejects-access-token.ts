import type { Check } from '../../check.ts';

export const rejectsAccessToken: Check = {
  id: 'REFRESH-07',
  title: 'An access token presented as a refresh token is rejected',
  level: 'MUST',
  source: 'RFC 6749 §1.5, §6',
  minimum: 'an answer to one refresh with a fresh access token',
  async run(probe, e) {
    e.rejected(await probe.refresh((await probe.login()).token), 'the access token in the refreshToken field');
  },
};
