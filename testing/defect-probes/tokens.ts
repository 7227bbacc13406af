import { longestAlignedRun, login, tokensOf } from '../http.ts';
import type { DefectProbe } from './types.ts';

/** Tokens of a few logins: both kinds, in issue order. */
async function sample(base: string, logins = 5): Promise<string[]> {
  const values: string[] = [];
  for (let i = 0; i < logins; i += 1) {
    const { token, refreshToken } = tokensOf(await login(base));
    values.push(token, refreshToken);
  }
  return values;
}

/** Any two tokens agreeing on 16+ consecutive positions: about 62^-16 per position for random tokens. */
async function sharesLongRuns(base: string): Promise<boolean> {
  const values = await sample(base, 3);
  return values.some((a, i) => values.slice(i + 1).some((b) => longestAlignedRun(a, b) >= 16));
}

export const TOKEN_PROBES: DefectProbe[] = [
  {
    mutant: 'sequential-tokens',
    requirement: 'tokens are unpredictable: no two share a long run of characters at the same positions',
    shows: sharesLongRuns,
  },
  {
    mutant: 'static-tail',
    requirement: 'the whole token is random, not only its UUID part',
    shows: sharesLongRuns,
  },
  {
    mutant: 'time-seeded-tokens',
    requirement: 'every token issued is distinct (token differs from refreshToken, none repeats)',
    shows: async (base) => {
      const values = await sample(base);
      return new Set(values).size !== values.length;
    },
  },
];
