import { Evidence, type Check } from '../../check.ts';
import { loginBody } from '../login-form.ts';

export const noQueryCredentials: Check = {
  id: 'TOKEN-09',
  title: 'Credentials in a query string are never accepted (GET or POST)',
  level: 'MUST',
  source: 'docs erratum (Definition says GET); RFC 6749 §3.2; RFC 9700 §2.4',
  async run(probe) {
    const e = new Evidence();
    const query = loginBody(probe.target.credentials);
    e.rejected(await probe.request('GET', `/v1/token?${query}`), 'GET /v1/token with credentials in the query');
    e.rejected(await probe.post(`/v1/token?${query}`, ''), 'POST with an empty body and credentials in the query');
    return e.done();
  },
};

export const rejectsGet: Check = {
  id: 'TOKEN-10',
  title: 'GET /v1/token is rejected (405), whatever the Definition line says',
  level: 'SHOULD',
  source: 'docs erratum; RFC 9110 §15.5.6',
  async run(probe) {
    const e = new Evidence();
    const ex = await probe.request('GET', '/v1/token');
    e.expect(ex.status === 405, `GET /v1/token → ${ex.status}`);
    return e.done();
  },
};
