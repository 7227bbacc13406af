// expiresIn is documented as 3600. A server that reports the remaining lifetime rounded down answers 3599
// now and then: sample several answers and say what was seen.
import { DOCUMENTED_EXPIRES_IN } from '../../../schemas/token-format.ts';
import type { Check } from '../../check.ts';

const EXPIRY_SAMPLES = 5;

export const documentedExpiry: Check = {
  id: 'TOKEN-03',
  title:
    `expiresIn is ${DOCUMENTED_EXPIRES_IN}, as documented ` +
    `(${DOCUMENTED_EXPIRES_IN - 1} allowed: remaining lifetime)`,
  level: 'SHOULD',
  source: 'docs: Get token, example response',
  minimum: `${EXPIRY_SAMPLES} password grants (one answer could read ${DOCUMENTED_EXPIRES_IN - 1} by the clock)`,
  async run(probe, e) {
    const seen: number[] = [];
    for (let i = 0; i < EXPIRY_SAMPLES; i += 1) seen.push((await probe.login()).expiresIn);
    const values = [...new Set(seen)].sort((a, b) => a - b);
    const ok = values.every((v) => v === DOCUMENTED_EXPIRES_IN || v === DOCUMENTED_EXPIRES_IN - 1);
    e.expect(ok, `expiresIn over ${seen.length} grants: ${values.join(', ')}`);
    if (ok && values.includes(DOCUMENTED_EXPIRES_IN - 1))
      e.note('the server reports the remaining lifetime, rounded down');
  },
};
