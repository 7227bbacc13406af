import type { Check } from '../../check.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export const noStore: Check = {
  id: 'TOKEN-08',
  title: 'Token responses carry Cache-Control: no-store',
  level: 'SHOULD',
  source: 'RFC 6749 §5.1',
  minimum: 'one token answer and one refresh answer',
  async run(probe, e) {
    const login = await probe.post(PATHS.token, probe.loginBody());
    e.expect(
      /\bno-store\b/i.test(login.headers.get('cache-control') ?? ''),
      `token: cache-control ${login.headers.get('cache-control')}`,
    );
    if (!login.issued) {
      e.lacking(`no refresh answer to look at: the password grant answered ${login.status} without a pair`);
      return;
    }
    const refresh = await probe.refresh(login.issued.refreshToken);
    e.expect(
      /\bno-store\b/i.test(refresh.headers.get('cache-control') ?? ''),
      `refresh: cache-control ${refresh.headers.get('cache-control')}`,
    );
  },
};
