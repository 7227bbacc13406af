import { Evidence, type Check } from '../../check.ts';
import { loginBody } from '../login-form.ts';

export const noStore: Check = {
  id: 'TOKEN-08',
  title: 'Token responses carry Cache-Control: no-store',
  level: 'SHOULD',
  source: 'RFC 6749 §5.1',
  async run(probe) {
    const e = new Evidence();
    const login = await probe.post('/v1/token', loginBody(probe.target.credentials));
    e.expect(
      /\bno-store\b/i.test(login.headers.get('cache-control') ?? ''),
      `token: cache-control ${login.headers.get('cache-control')}`,
    );
    if (login.issued) {
      const refresh = await probe.refresh(login.issued.refreshToken);
      e.expect(
        /\bno-store\b/i.test(refresh.headers.get('cache-control') ?? ''),
        `refresh: cache-control ${refresh.headers.get('cache-control')}`,
      );
    }
    return e.done();
  },
};
