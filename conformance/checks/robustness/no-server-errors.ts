import type { Check } from '../../check.ts';
import { observe } from './observe.ts';

export const noServerErrors: Check = {
  id: 'ROBUST-01',
  title: 'Malformed or hostile input never causes a 5xx or a hang',
  level: 'MUST',
  source: 'suite: robustness (RFC 9110 §15.5: client errors are 4xx)',
  minimum: 'an HTTP answer to every case (a closed connection shows nothing about what the server would answer)',
  async run(probe, e) {
    for (const s of await observe(probe)) {
      if (s.status !== undefined) e.expect(s.status < 500, `${s.what} → ${s.line}`);
      else if (s.hung && !s.raw) e.expect(false, `${s.what} → ${s.line} (the request was complete: a hang)`);
      else e.lacking(`${s.what} → ${s.line}`);
    }
  },
};
