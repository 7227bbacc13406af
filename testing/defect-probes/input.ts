import { randomUUID } from 'node:crypto';
import { form, issued, login, LOGIN, send } from '../http.ts';
import type { DefectProbe } from './types.ts';

const { password, ...withoutPassword } = LOGIN;

export const INPUT_PROBES: DefectProbe[] = [
  {
    mutant: 'unawaited-password-check',
    requirement: 'a wrong password gets no token',
    shows: async (base) => issued(await login(base, { password: 'not-the-password' })),
  },
  {
    mutant: 'any-client',
    requirement: 'an unknown client gets no token',
    shows: async (base) => issued(await login(base, { clientId: randomUUID() })),
  },
  {
    mutant: 'nul-padded-password',
    requirement: 'the real password followed by a NUL byte gets no token',
    shows: async (base) => issued(await login(base, { password: `${password!}\u0000` })),
  },
  {
    mutant: 'raw-uri-error',
    requirement: 'malformed percent-encoding is answered 4xx, never 5xx',
    async shows(base) {
      const { status } = await send(base, '/v1/token', `${form(withoutPassword)}&password=%E0%A4%A`);
      return status >= 500;
    },
  },
  {
    mutant: 'duplicate-fields-last-wins',
    requirement: 'a repeated field gets no token, whichever copy holds the right value',
    shows: async (base) =>
      issued(await send(base, '/v1/token', `${form(withoutPassword)}&password=wrong&${form({ password: password! })}`)),
  },
  {
    mutant: 'missing-content-type-crash',
    requirement: 'a POST without Content-Type is answered 4xx, never 5xx',
    async shows(base) {
      const { status } = await send(base, '/v1/token', form(LOGIN), { contentType: null });
      return status >= 500;
    },
  },
  {
    mutant: 'get-query-credentials',
    requirement: 'GET with the credentials in the query string gets no token',
    shows: async (base) =>
      issued(await send(base, `/v1/token?${form(LOGIN)}`, undefined, { method: 'GET', contentType: null })),
  },
  {
    mutant: 'password-in-error',
    requirement: 'an error body never contains the submitted password',
    async shows(base) {
      const guess = 'Guess-4711-Wrong';
      return (await login(base, { password: guess })).text.includes(guess);
    },
  },
];
