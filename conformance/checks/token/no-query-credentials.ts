import type { Check } from '../../check.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export const noQueryCredentials: Check = {
  id: 'TOKEN-09',
  title: 'Credentials in a query string are never accepted (GET or POST)',
  level: 'MUST',
  source: 'docs erratum (Definition says GET); RFC 6749 §3.2; RFC 9700 §2.4',
  minimum: 'an answer to the GET and to the POST with the credentials in the query',
  async run(probe, e) {
    const query = probe.loginBody();
    e.rejected(await probe.request('GET', `${PATHS.token}?${query}`), 'GET /v1/token with credentials in the query');
    e.rejected(await probe.post(`${PATHS.token}?${query}`, ''), 'POST with an empty body and credentials in the query');
  },
};
