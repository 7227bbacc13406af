import type { Check } from '../../check.ts';
import { describeExchange } from '../../evidence.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export const rejectsGet: Check = {
  id: 'TOKEN-10',
  title: 'GET /v1/token is rejected (405), whatever the Definition line says',
  level: 'SHOULD',
  source: 'docs erratum; RFC 9110 §15.5.6',
  minimum: 'an answer to one GET /v1/token',
  async run(probe, e) {
    const ex = await probe.request('GET', PATHS.token);
    e.expect(ex.status === 405, describeExchange(ex));
  },
};
