import type { Check } from '../../check.ts';
import { form } from '../form.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

/** Well-formed in the documented format, but never issued. */
const NEVER_ISSUED = `0123456789ab4def8123456789abcdef${'Q'.repeat(224)}`;

export const rejectsBadTokens: Check = {
  id: 'REFRESH-06',
  title: 'Unknown, empty, missing, altered and malformed refresh tokens are rejected with a 4xx and no token',
  level: 'MUST',
  source: 'RFC 6749 §5.2 (invalid_grant)',
  minimum: 'an answer to each of its 10 cases (each is a different way a refresh token can be wrong)',
  async run(probe, e) {
    const live = (await probe.login()).refreshToken;
    const altered = live.slice(0, -1) + (live.endsWith('A') ? 'B' : 'A');
    const cases: [string, string][] = [
      ['a never-issued token in the documented format', form({ refreshToken: NEVER_ISSUED })],
      ['a live token with its last character changed', form({ refreshToken: altered })],
      ['a live token truncated by one character', form({ refreshToken: live.slice(0, -1) })],
      ['a live token with a suffix', form({ refreshToken: `${live}x` })],
      ['an empty refreshToken', 'refreshToken=&='],
      ['no refreshToken field', 'clientId=x'],
      ['an empty body', ''],
      ["the string 'null'", form({ refreshToken: 'null' })],
      ['an SQL injection string', form({ refreshToken: "' OR '1'='1' --" })],
      ['a 4000-character token', form({ refreshToken: 'A'.repeat(4000) })],
    ];
    for (const [what, body] of cases) e.rejected(await probe.post(PATHS.refresh, body), what);
  },
};
