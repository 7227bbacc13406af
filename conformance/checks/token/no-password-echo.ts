import type { Check } from '../../check.ts';
import { passwordForms } from '../../../verdict/redact.ts';
import { WRONG_PASSWORD } from '../../../schemas/documented-api.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

/** Checks both the wrong password and, on a malformed request, the real one. */
export const noPasswordEcho: Check = {
  id: 'SECRET-01',
  title: 'Error responses never reflect the submitted password',
  level: 'MUST',
  source: 'RFC 6819 §5.1.4.1.3; OWASP ASVS 7.1.1',
  minimum: 'an answer to each of its 3 error cases',
  async run(probe, e) {
    const { password } = probe.target.credentials;
    const cases: [string, string, string][] = [
      ['wrong password', probe.loginBody({ password: WRONG_PASSWORD }), WRONG_PASSWORD],
      ['unknown client with the real password', probe.loginBody({ clientId: 'no-such-client' }), password],
      ['real password with a bad grantType', probe.loginBody({ grantType: 'nope' }), password],
    ];
    for (const [what, body, secret] of cases) {
      const ex = await probe.post(PATHS.token, body);
      const echoed = passwordForms(secret).some((form) => ex.text.includes(form));
      e.expect(
        !echoed || ex.status === 200,
        `${what}: the ${ex.status} body ${echoed ? 'CONTAINS' : 'does not contain'} the password`,
      );
    }
  },
};
