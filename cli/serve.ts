// `token-suite serve`: the reference server on a port, until Ctrl-C.
import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import { close, createTokenServer, listen } from '../server/index.ts';
import { invalidServerOption } from '../server/options.ts';
import type { ServerByNameOptions } from '../mutants/registry.ts';
import { loadSeed } from './seed.ts';
import { booleanSetting, numberSetting, optionalString, stringSetting } from './settings.ts';
import { rejectInvalid, UsageError } from './usage-error.ts';

export const SERVE_USAGE = `token-suite serve [--port N] [--host ADDR] [--provider-states] [--seed FILE]
  --port N             port to listen on (TOKEN_SUITE_PORT, default 8080; 0 picks a free one)
  --host ADDR          address to bind (TOKEN_SUITE_HOST, default 127.0.0.1)
  --provider-states    expose POST /_pact/provider-states (TOKEN_SUITE_PROVIDER_STATES, default off)
  --seed FILE          extra clients and users, JSON (TOKEN_SUITE_SEED_FILE; inline JSON: TOKEN_SUITE_SEED)
  --refresh-ttl S      refresh-token lifetime in seconds (TOKEN_SUITE_REFRESH_TTL, default 86400)
  --scrypt-cost N      scrypt cost for password hashes (TOKEN_SUITE_SCRYPT_COST, default 16384)
  --impl NAME          reference (default), alt (the second, independent implementation) or a mutant's name
                       (TOKEN_SUITE_IMPL; mutants are deliberately broken servers for the suite's self-check;
                       --mutant NAME says the same)
  --rotation-grace S   alt only: seconds a rotated-out refresh token still works (default 0)`;

export async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'provider-states': { type: 'boolean' },
      seed: { type: 'string' },
      'refresh-ttl': { type: 'string' },
      'scrypt-cost': { type: 'string' },
      impl: { type: 'string' },
      mutant: { type: 'string' },
      'rotation-grace': { type: 'string' },
    },
  });
  const scryptCost = numberSetting(values['scrypt-cost'], 'TOKEN_SUITE_SCRYPT_COST', 16_384, {
    min: 2,
    name: '--scrypt-cost',
  });
  const options = {
    seed: loadSeed(optionalString(values.seed, 'TOKEN_SUITE_SEED_FILE'), optionalString(undefined, 'TOKEN_SUITE_SEED')),
    providerStates: booleanSetting(values['provider-states'], 'TOKEN_SUITE_PROVIDER_STATES'),
    refreshTtlSeconds: numberSetting(values['refresh-ttl'], 'TOKEN_SUITE_REFRESH_TTL', 86_400, {
      min: 1,
      name: '--refresh-ttl',
    }),
    scryptCost,
  };
  rejectInvalid(invalidServerOption(options)); // the server's own range check (server/options.ts): exit 2
  const impl = stringSetting(values.mutant ?? values.impl, 'TOKEN_SUITE_IMPL', 'reference');
  const server =
    impl === 'reference'
      ? createTokenServer(options)
      : await otherServer(impl, {
          ...options,
          rotationGraceSeconds: numberSetting(values['rotation-grace'], 'TOKEN_SUITE_ROTATION_GRACE', 0, {
            max: 3600,
            name: '--rotation-grace',
          }),
        });
  const port = numberSetting(values.port, 'TOKEN_SUITE_PORT', 8080, { max: 65_535, name: '--port' });
  const host = stringSetting(values.host, 'TOKEN_SUITE_HOST', '127.0.0.1');
  const url = await listen(server, port, host).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `Cannot listen on ${host}:${port} (${error.code ?? error.message}); pick another --port or --host.`,
    );
  });
  console.log(`token-suite ${impl === 'reference' ? 'reference' : impl} server listening on ${url}`);
  if (options.providerStates) console.log(`provider states: POST ${url}/_pact/provider-states`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await close(server);
  return 0;
}

/** The alt server and the mutants load only when asked for: they stay out of the default code path. */
async function otherServer(name: string, options: ServerByNameOptions): Promise<Server> {
  const { createServerByName, SERVER_NAMES } = await import('../mutants/registry.ts');
  if (!SERVER_NAMES.includes(name))
    throw new UsageError(`--impl must be one of: ${SERVER_NAMES.join(', ')} (got '${name}').`);
  return createServerByName(name, options);
}
