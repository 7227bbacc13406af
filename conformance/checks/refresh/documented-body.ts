import { validateOpaqueTokenResponse } from '../../../schemas/validators.ts';
import type { Check } from '../../check.ts';
import { describeExchange } from '../../evidence.ts';

export const documentedBody: Check = {
  id: 'REFRESH-01',
  title: "The documented refresh body (trailing '&=' included) returns 200 and a token pair",
  level: 'MUST',
  source: 'docs: Refresh token, example request',
  minimum: 'one answer to the documented refresh body',
  async run(probe, e) {
    const ex = await probe.refresh((await probe.login()).refreshToken);
    e.expect(ex.status === 200, describeExchange(ex));
    const valid = validateOpaqueTokenResponse(ex.json);
    e.expect(valid.ok, valid.ok ? 'body matches opaque-token-response.schema.json' : valid.message);
  },
};
