import { setTimeout as sleep } from 'node:timers/promises';
import { invalidGrant } from '../../reference/errors.ts';
import { required } from '../../reference/form.ts';
import { newToken } from '../../reference/tokens.ts';
import { actions, REFRESH_PATH, TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

interface Family {
  clientId: string;
  username: string;
  revoked: boolean;
}
interface Entry {
  family: Family;
  used: boolean;
}

/** The "database round trip" between reading a refresh token and marking it used. */
const AUDIT_WRITE_MS = 10;

export const refreshRace: Mutant = {
  name: 'refresh-race',
  category: 'race',
  defect:
    'Check-then-act: the refresh token is looked up, then an async audit write is awaited, ' +
    'then it is marked used, so concurrent refreshes all win.',
  violates: ['conformance:REFRESH-04', 'load:LOAD-04'],
  expected: 'fail',
  extend(context) {
    const { grant, refresh } = actions(context);
    const entries = new Map<string, Entry>();
    const issue = (family: Family): string => {
      const token = newToken();
      entries.set(token, { family, used: false });
      return token;
    };
    context.routes[TOKEN_PATH] = async (form, ctx) => {
      const pair = await grant(form, ctx);
      return { ...pair, refreshToken: issue({ clientId: form.clientId!, username: form.username!, revoked: false }) };
    };
    context.routes[REFRESH_PATH] = async (form, ctx) => {
      const entry = entries.get(required(form, 'refreshToken'));
      if (!entry) return refresh(form, ctx); // provider-state tokens live in the reference store
      if (entry.family.revoked) throw invalidGrant('unknown refresh token');
      if (entry.used) {
        entry.family.revoked = true;
        throw invalidGrant('the refresh token was already used; its token family is revoked');
      }
      if (form.clientId !== undefined && form.clientId !== entry.family.clientId)
        throw invalidGrant('the refresh token was issued to another client');
      await sleep(AUDIT_WRITE_MS);
      entry.used = true;
      return { token: ctx.newAccessToken(), refreshToken: issue(entry.family), expiresIn: ctx.accessTtlSeconds };
    };
  },
};
