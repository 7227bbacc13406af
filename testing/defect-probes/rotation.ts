import { issued, refresh, tokens, tokensOf } from '../http.ts';
import type { DefectProbe } from './types.ts';

const CONCURRENT_REFRESHES = 10;

export const ROTATION_PROBES: DefectProbe[] = [
  {
    mutant: 'no-rotation',
    requirement: 'a refresh returns a new refresh token',
    async shows(base) {
      const first = await tokens(base);
      return tokensOf(await refresh(base, first.refreshToken)).refreshToken === first.refreshToken;
    },
  },
  {
    mutant: 'access-not-rotated',
    requirement: 'a refresh returns a new access token',
    async shows(base) {
      const first = await tokens(base);
      return tokensOf(await refresh(base, first.refreshToken)).token === first.token;
    },
  },
  {
    mutant: 'replay-accepted',
    requirement: 'a used refresh token is rejected when replayed',
    async shows(base) {
      const { refreshToken } = await tokens(base);
      tokensOf(await refresh(base, refreshToken));
      return issued(await refresh(base, refreshToken));
    },
  },
  {
    mutant: 'no-reuse-detection',
    requirement: 'replaying a used refresh token revokes the newest token of its family',
    async shows(base) {
      const { refreshToken } = await tokens(base);
      const newest = tokensOf(await refresh(base, refreshToken)).refreshToken;
      if (issued(await refresh(base, refreshToken))) throw new Error('the replay itself was accepted');
      return issued(await refresh(base, newest));
    },
  },
  {
    mutant: 'refresh-race',
    requirement: `${CONCURRENT_REFRESHES} concurrent refreshes of one token: exactly one succeeds`,
    async shows(base) {
      const { refreshToken } = await tokens(base);
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT_REFRESHES }, () => refresh(base, refreshToken)),
      );
      return answers.filter(issued).length !== 1;
    },
  },
];
