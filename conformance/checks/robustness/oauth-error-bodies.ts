import { validateErrorResponse } from '../../../schemas/validators.ts';
import type { Check } from '../../check.ts';
import { ERROR_CASES } from './error-cases.ts';

export const oauthErrorBodies: Check = {
  id: 'ERROR-01',
  title: 'Error bodies are OAuth 2.0 JSON: {error, error_description}',
  level: 'SHOULD',
  source: 'RFC 6749 §5.2 (the docs do not define errors)',
  minimum: `an answer to each of its ${ERROR_CASES.length} error cases`,
  async run(probe, e) {
    for (const c of ERROR_CASES) {
      const valid = validateErrorResponse((await c.send(probe)).json);
      e.expect(valid.ok, `${c.what}: ${valid.ok ? 'matches error-response.schema.json' : valid.message}`);
    }
  },
};
