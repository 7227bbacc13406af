// One way to build any server the suite knows by name: for `token-suite serve --impl alt` / `--mutant NAME`.
import type { Server } from 'node:http';
import { createAltServer, type AltServerOptions } from './alt/index.ts';
import { createTokenServer, type ServerOptions } from './reference/index.ts';
import { createMutantServer, MUTANT_NAMES, UnknownMutantError } from './mutants/index.ts';

export type ServerName = 'reference' | 'alt' | (string & {});

export interface ServerByNameOptions extends ServerOptions {
  /** alt only: seconds during which a rotated-out refresh token is still accepted (default 0). */
  rotationGraceSeconds?: number;
  /** alt only: PBKDF2 iterations (default 100000; the kill matrix uses fewer, as it does scrypt cost). */
  hashIterations?: number;
}

/** 'reference', 'alt', or a mutant name. Unknown names throw an error that lists every name. */
export function createServerByName(name: ServerName, options: ServerByNameOptions = {}): Server {
  const { rotationGraceSeconds, hashIterations, ...reference } = options;
  if (name === 'reference') return createTokenServer(reference);
  if (name === 'alt') {
    const alt: AltServerOptions = { rotationGraceSeconds: rotationGraceSeconds ?? 0 };
    if (hashIterations !== undefined) alt.hashIterations = hashIterations;
    if (options.seed) alt.seed = options.seed;
    if (options.refreshTtlSeconds !== undefined) alt.refreshTtlSeconds = options.refreshTtlSeconds;
    return createAltServer(alt);
  }
  try {
    return createMutantServer(name, reference);
  } catch (error) {
    if (error instanceof UnknownMutantError)
      throw new Error(`Unknown server '${name}'; try one of: ${SERVER_NAMES.join(', ')}.`);
    throw error;
  }
}

export const SERVER_NAMES: readonly string[] = ['reference', 'alt', ...MUTANT_NAMES];
