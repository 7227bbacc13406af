import { validateOpaqueTokenResponse } from '../../../schemas/validators.ts';
import { Evidence, type Check } from '../../check.ts';
import { loginBody } from '../login-form.ts';

export const issuesPair: Check = {
  id: 'TOKEN-01',
  title: 'A valid password grant returns 200 JSON with token, refreshToken and an integer expiresIn > 0',
  level: 'MUST',
  source: 'docs: Get token',
  async run(probe) {
    const e = new Evidence();
    const ex = await probe.post('/v1/token', loginBody(probe.target.credentials));
    e.expect(ex.status === 200, `status ${ex.status}`);
    e.expect(
      /^application\/(.+\+)?json/i.test(ex.headers.get('content-type') ?? ''),
      `content-type ${ex.headers.get('content-type')}`,
    );
    const valid = validateOpaqueTokenResponse(ex.json);
    e.expect(valid.ok, valid.ok ? 'body matches opaque-token-response.schema.json' : valid.message);
    return e.done();
  },
};
