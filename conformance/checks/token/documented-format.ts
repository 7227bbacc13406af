import { validateTokenResponse } from '../../../schemas/validators.ts';
import type { Check } from '../../check.ts';

export const documentedFormat: Check = {
  id: 'TOKEN-02',
  title: 'Tokens have the documented format (256 chars: UUIDv4 hex, then 224 alphanumerics)',
  level: 'SHOULD',
  source: 'docs: Get token, example response',
  minimum: 'one valid token pair (both of its tokens are checked)',
  async run(probe, e) {
    const valid = validateTokenResponse(await probe.login());
    e.expect(valid.ok, valid.ok ? 'body matches token-response.schema.json' : valid.message);
  },
};
