import type { Check } from '../../check.ts';
import { CLOSED_TRIES, observe } from './observe.ts';

export const noServerErrors: Check = {
  id: 'ROBUST-01',
  title: 'Malformed or hostile input never causes a 5xx or a hang',
  level: 'MUST',
  source:
    'suite: robustness (RFC 9110 §15.5: client errors are 4xx; §15.5.14: a body too large may be refused by closing)',
  minimum:
    'an HTTP answer to every case (a closed connection shows nothing about what the server would answer), but ' +
    `for an oversized body: a connection closed without an answer on each of ${CLOSED_TRIES} tries is that refusal`,
  async run(probe, e) {
    for (const s of await observe(probe)) {
      if (s.status !== undefined) e.expect(s.status < 500, `${s.what} → ${s.line}`);
      else if (s.closed)
        e.expect(
          true,
          `${s.what} → ${s.line}, ${CLOSED_TRIES} tries (a body too large refused by closing: RFC 9110 §15.5.14)`,
        );
      else if (s.hung && !s.raw) e.expect(false, `${s.what} → ${s.line} (the request was complete: a hang)`);
      else e.lacking(`${s.what} → ${s.line}`);
    }
  },
};
