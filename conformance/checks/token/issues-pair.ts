import { validateOpaqueTokenResponse } from '../../../schemas/validators.ts';
import type { Check } from '../../check.ts';
import { describeExchange } from '../../evidence.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export const issuesPair: Check = {
  id: 'TOKEN-01',
  title: 'A valid password grant returns 200 JSON with token, refreshToken and an integer expiresIn > 0',
  level: 'MUST',
  source: 'docs: Get token',
  minimum: 'one answer to the documented password grant (one answer shows its shape)',
  async run(probe, e) {
    const ex = await probe.post(PATHS.token, probe.loginBody());
    e.expect(ex.status === 200, describeExchange(ex));
    e.expect(
      /^application\/(.+\+)?json/i.test(ex.headers.get('content-type') ?? ''),
      `content-type ${ex.headers.get('content-type')}`,
    );
    const valid = validateOpaqueTokenResponse(ex.json);
    e.expect(valid.ok, valid.ok ? 'body matches opaque-token-response.schema.json' : valid.message);
  },
};
