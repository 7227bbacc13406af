// `token-suite serve`: the reference server on a port, until Ctrl-C.
import { parseArgs } from 'node:util';
import { close, createTokenServer, listen } from '../server/index.ts';
import { loadSeed } from './seed.ts';
import { booleanSetting, numberSetting, optionalString, stringSetting } from './settings.ts';
import { UsageError } from './usage-error.ts';

export const SERVE_USAGE = `token-suite serve [--port N] [--host ADDR] [--provider-states] [--seed FILE]
  --port N             port to listen on (TOKEN_SUITE_PORT, default 8080; 0 picks a free one)
  --host ADDR          address to bind (TOKEN_SUITE_HOST, default 127.0.0.1)
  --provider-states    expose POST /_pact/provider-states (TOKEN_SUITE_PROVIDER_STATES, default off)
  --seed FILE          extra clients and users, JSON (TOKEN_SUITE_SEED_FILE; inline JSON: TOKEN_SUITE_SEED)
  --refresh-ttl S      refresh-token lifetime in seconds (TOKEN_SUITE_REFRESH_TTL, default 86400)
  --scrypt-cost N      scrypt cost for password hashes (TOKEN_SUITE_SCRYPT_COST, default 16384)`;

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
    },
  });
  const scryptCost = numberSetting(values['scrypt-cost'], 'TOKEN_SUITE_SCRYPT_COST', 16_384, { min: 2, name: '--scrypt-cost' });
  if (!Number.isInteger(Math.log2(scryptCost))) throw new UsageError('--scrypt-cost must be a power of two, e.g. 16384.');
  const server = createTokenServer({
    seed: loadSeed(optionalString(values.seed, 'TOKEN_SUITE_SEED_FILE'), optionalString(undefined, 'TOKEN_SUITE_SEED')),
    providerStates: booleanSetting(values['provider-states'], 'TOKEN_SUITE_PROVIDER_STATES'),
    refreshTtlSeconds: numberSetting(values['refresh-ttl'], 'TOKEN_SUITE_REFRESH_TTL', 86_400, { min: 1, name: '--refresh-ttl' }),
    scryptCost,
  });
  const port = numberSetting(values.port, 'TOKEN_SUITE_PORT', 8080, { max: 65_535, name: '--port' });
  const host = stringSetting(values.host, 'TOKEN_SUITE_HOST', '127.0.0.1');
  const url = await listen(server, port, host).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot listen on ${host}:${port} (${error.code ?? error.message}); pick another --port or --host.`);
  });
  console.log(`token-suite reference server listening on ${url}`);
  if (server.context.providerStates) console.log(`provider states: POST ${url}/_pact/provider-states`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await close(server);
  return 0;
}
