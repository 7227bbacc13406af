import type { Check } from '../../check.ts';
import { WRONG_PASSWORD } from '../../../schemas/documented-api.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

const OWN_CASES = 3;

/**
 * Runs near the end: its own three cases (the wrong password and, on malformed requests, the real one), then
 * every answer the conformance layer saw, 200 bodies and raw answers included (the probe searches each for a
 * password its request submitted).
 */
export const noPasswordEcho: Check = {
  id: 'SECRET-01',
  title: 'No response reflects the submitted password (error or success, every answer of the run)',
  level: 'MUST',
  source: 'RFC 6819 §5.1.4.1.3; OWASP ASVS 7.1.1',
  minimum: `an answer to each of its ${OWN_CASES} error cases; it also reads every other answer the run saw`,
  async run(probe, e) {
    const cases: [string, string][] = [
      ['wrong password', probe.loginBody({ password: WRONG_PASSWORD })],
      ['unknown client with the real password', probe.loginBody({ clientId: 'no-such-client' })],
      ['real password with a bad grantType', probe.loginBody({ grantType: 'nope' })],
    ];
    const before = probe.echoes.length;
    for (const [what, body] of cases) {
      const echoed = probe.echoes.length;
      const ex = await probe.post(PATHS.token, body);
      const found = probe.echoes.length > echoed;
      e.expect(!found, `${what}: the ${ex.status} body ${found ? 'CONTAINS' : 'does not contain'} the password`);
    }
    const elsewhere = probe.echoes.slice(0, before);
    e.expect(
      elsewhere.length === 0,
      `${probe.answersSearched - OWN_CASES} other answers of the run searched, ${elsewhere.length} reflect a password`,
    );
    for (const line of elsewhere.slice(0, 5)) e.note(line);
  },
};
