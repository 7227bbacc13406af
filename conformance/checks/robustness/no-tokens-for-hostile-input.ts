import type { Check } from '../../check.ts';
import { observe } from './observe.ts';

export const noTokensForHostileInput: Check = {
  id: 'ROBUST-02',
  title: 'Malformed or hostile input never yields a token',
  level: 'MUST',
  source: 'RFC 6749 §3.2, §5.2; OWASP ASVS 5.1',
  minimum: 'an answer or a closed connection for every case (either shows whether a token came back)',
  async run(probe, e) {
    for (const s of await observe(probe)) {
      if (s.hung || s.withheld) e.lacking(`${s.what} → ${s.line}`);
      else e.expect(!s.token, `${s.what} → ${s.line}${s.token ? ' WITH A TOKEN' : ''}`);
    }
  },
};
