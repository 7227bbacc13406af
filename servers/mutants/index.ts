// The mutant catalog: deliberately broken variants of the reference server, one defect each, by name.
// Test-only: nothing in servers/reference/ imports this; `token-suite serve --mutant NAME` is the one other way in.
import { createTokenServer, type ServerOptions, type TokenServer } from '../reference/index.ts';
import { accessNotRotated } from './catalog/access-not-rotated.ts';
import { accessTokenAsRefresh } from './catalog/access-token-as-refresh.ts';
import { anyClient } from './catalog/any-client.ts';
import { duplicateFieldsLastWins } from './catalog/duplicate-fields-last-wins.ts';
import { errorsWith200 } from './catalog/errors-with-200.ts';
import { expiresInString } from './catalog/expires-in-string.ts';
import { getQueryCredentials } from './catalog/get-query-credentials.ts';
import { jsonSnapshotStore } from './catalog/json-snapshot-store.ts';
import { jsonWithoutContentType } from './catalog/json-without-content-type.ts';
import { missingContentTypeCrash } from './catalog/missing-content-type-crash.ts';
import { nulPaddedPassword } from './catalog/nul-padded-password.ts';
import { noCacheControl } from './catalog/no-cache-control.ts';
import { noReuseDetection } from './catalog/no-reuse-detection.ts';
import { noRotation } from './catalog/no-rotation.ts';
import { passwordInError } from './catalog/password-in-error.ts';
import { rawUriError } from './catalog/raw-uri-error.ts';
import { refreshRace } from './catalog/refresh-race.ts';
import { replayAccepted } from './catalog/replay-accepted.ts';
import { sequentialTokens } from './catalog/sequential-tokens.ts';
import { snakeCaseRefreshToken } from './catalog/snake-case-refresh-token.ts';
import { staticTail } from './catalog/static-tail.ts';
import { timeSeededTokens } from './catalog/time-seeded-tokens.ts';
import { unawaitedPasswordCheck } from './catalog/unawaited-password-check.ts';
import type { Mutant } from './types.ts';

export type { Category, Mutant } from './types.ts';

export const MUTANTS: readonly Mutant[] = [
  expiresInString,
  snakeCaseRefreshToken,
  errorsWith200,
  sequentialTokens,
  staticTail,
  timeSeededTokens,
  noRotation,
  accessNotRotated,
  replayAccepted,
  noReuseDetection,
  accessTokenAsRefresh,
  refreshRace,
  unawaitedPasswordCheck,
  anyClient,
  nulPaddedPassword,
  rawUriError,
  duplicateFieldsLastWins,
  missingContentTypeCrash,
  passwordInError,
  getQueryCredentials,
  noCacheControl,
  jsonWithoutContentType,
  jsonSnapshotStore,
];

export const MUTANT_NAMES: readonly string[] = MUTANTS.map((m) => m.name);

export class UnknownMutantError extends Error {
  constructor(readonly mutant: string) {
    super(`Unknown mutant '${mutant}'; the mutants are: ${MUTANT_NAMES.join(', ')}.`);
    this.name = 'UnknownMutantError';
  }
}

function getMutant(name: string): Mutant {
  const mutant = MUTANTS.find((m) => m.name === name);
  if (!mutant) throw new UnknownMutantError(name);
  return mutant;
}

/** The reference server with one defect, not yet listening. Any `extend` in options runs first. */
export function createMutantServer(name: string, options: ServerOptions = {}): TokenServer {
  const mutant = getMutant(name);
  const server = createTokenServer({
    ...options,
    extend(context) {
      options.extend?.(context);
      mutant.extend(context);
    },
  });
  if (mutant.listener) {
    server.removeAllListeners('request');
    server.on('request', mutant.listener(server.context));
  }
  return server;
}
