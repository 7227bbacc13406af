import { DOCUMENTED_EXPIRES_IN } from '../../../schemas/token-format.ts';
import { Evidence, type Check } from '../../check.ts';

export const documentedExpiry: Check = {
  id: 'TOKEN-03',
  title: `expiresIn is ${DOCUMENTED_EXPIRES_IN}, as documented`,
  level: 'SHOULD',
  source: 'docs: Get token, example response',
  async run(probe) {
    const e = new Evidence();
    const { expiresIn } = await probe.login();
    e.expect(expiresIn === DOCUMENTED_EXPIRES_IN, `expiresIn ${expiresIn}`);
    return e.done();
  },
};
