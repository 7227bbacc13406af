import { validateOpaqueTokenResponse } from '../../../schemas/validators.ts';
import { Evidence, type Check } from '../../check.ts';

export const documentedBody: Check = {
  id: 'REFRESH-01',
  title: "The documented refresh body (trailing '&=' included) returns 200 and a token pair",
  level: 'MUST',
  source: 'docs: Refresh token, example request',
  async run(probe) {
    const e = new Evidence();
    const ex = await probe.refresh((await probe.login()).refreshToken);
    e.expect(ex.status === 200, `status ${ex.status}`);
    const valid = validateOpaqueTokenResponse(ex.json);
    e.expect(valid.ok, valid.ok ? 'body matches opaque-token-response.schema.json' : valid.message);
    return e.done();
  },
};
