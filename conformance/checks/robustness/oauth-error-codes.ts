import type { Check } from '../../check.ts';
import { ERROR_CASES } from './error-cases.ts';

export const oauthErrorCodes: Check = {
  id: 'ERROR-02',
  title: 'Errors use the RFC 6749 status and code for each failure',
  level: 'SHOULD',
  source: 'RFC 6749 §5.2',
  minimum: `an answer to each of its ${ERROR_CASES.length} error cases`,
  async run(probe, e) {
    for (const c of ERROR_CASES) {
      const ex = await c.send(probe);
      const got = (ex.json as { error?: unknown } | undefined)?.error;
      const expected = `${c.statuses.join(' or ')} ${c.code}`;
      const seen = `${ex.status} ${typeof got === 'string' ? got.slice(0, 40) : '(no error code)'}`;
      e.expect(c.statuses.includes(ex.status) && got === c.code, `${c.what}: expected ${expected}, got ${seen}`);
    }
  },
};
