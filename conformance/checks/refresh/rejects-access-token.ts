import type { Check } from '../../check.ts';

/** Fresh pairs whose access token is presented: a server that takes one only now and then is seen too. */
const PAIRS = 3;

export const rejectsAccessToken: Check = {
  id: 'REFRESH-07',
  title: 'An access token presented as a refresh token is rejected',
  level: 'MUST',
  source: 'RFC 6749 §1.5, §6',
  minimum:
    `an answer to each of ${PAIRS} refreshes with a fresh access token (one is not enough: a server whose access ` +
    'and refresh tokens coincide only now and then passes one)',
  async run(probe, e) {
    for (let i = 1; i <= PAIRS; i += 1) {
      const { token } = await probe.login();
      e.rejected(await probe.refresh(token), `the access token of fresh pair ${i} in the refreshToken field`);
    }
  },
};
