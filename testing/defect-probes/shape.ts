import { issued, login, refresh, tokens } from '../http.ts';
import type { DefectProbe } from './types.ts';

export const SHAPE_PROBES: DefectProbe[] = [
  {
    mutant: 'expires-in-string',
    requirement: 'a grant and a refresh return expiresIn as a JSON integer',
    async shows(base) {
      const granted = await login(base);
      const refreshed = await refresh(base, String(granted.json?.refreshToken ?? granted.json?.refresh_token));
      return !Number.isInteger(granted.json?.expiresIn) || !Number.isInteger(refreshed.json?.expiresIn);
    },
  },
  {
    mutant: 'snake-case-refresh-token',
    requirement: 'a grant returns the refresh token in a field named refreshToken',
    shows: async (base) => typeof (await login(base)).json?.refreshToken !== 'string',
  },
  {
    mutant: 'errors-with-200',
    requirement: 'a wrong password is answered with a 4xx status',
    async shows(base) {
      const { status } = await login(base, { password: 'not-the-password' });
      return status < 400 || status >= 500;
    },
  },
  {
    mutant: 'json-without-content-type',
    requirement: 'a token response is labelled application/json',
    shows: async (base) => !/^application\/(.+\+)?json/i.test((await login(base)).headers.get('content-type') ?? ''),
  },
  {
    mutant: 'no-cache-control',
    requirement: 'a token response carries Cache-Control: no-store',
    shows: async (base) => !/no-store/i.test((await login(base)).headers.get('cache-control') ?? ''),
  },
  {
    mutant: 'access-token-as-refresh',
    requirement: 'an access token presented as a refresh token is rejected',
    shows: async (base) => issued(await refresh(base, (await tokens(base)).token)),
  },
];
