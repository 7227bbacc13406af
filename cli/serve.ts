// `token-suite serve`: the reference server on a port, until Ctrl-C.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { ServerByNameOptions } from '../servers/by-name.ts';
import {
  close,
  createTokenServer,
  invalidServerOption,
  listen,
  type ServerOptions,
} from '../servers/reference/index.ts';
import { renderEnvHelp, renderFlagHelp } from '../settings/help.ts';
import { readSettings } from '../settings/read.ts';
import { SERVE_SETTINGS, type ServeSettings } from '../settings/serve.ts';
import { parseFlags } from './args.ts';
import { loadSeed } from './seed.ts';
import { rejectInvalid, UsageError } from './usage-error.ts';

export const SERVE_USAGE = [
  'token-suite serve [options]',
  ...renderFlagHelp(SERVE_SETTINGS),
  ...renderEnvHelp(SERVE_SETTINGS),
  "  Mutants are deliberately broken servers for the suite's self-check (servers/mutants/README.md).",
].join('\n');

export async function serve(args: string[]): Promise<number> {
  const parent = process.ppid;
  const settings = readSettings(SERVE_SETTINGS, { env: process.env, flags: parseFlags(args, SERVE_SETTINGS, 'serve') });
  const options: ServerOptions = {
    seed: loadSeed(settings.seedFile, settings.seedInline),
    providerStates: settings.providerStates,
    refreshTtlSeconds: settings.refreshTtlSeconds,
    scryptCost: settings.scryptCost,
    maxTokens: settings.maxTokens,
    maxTokensPerUser: settings.maxTokensPerUser,
    ...tlsOf(settings),
  };
  rejectInvalid(invalidServerOption(options));
  const server =
    settings.impl === 'reference'
      ? createTokenServer(options)
      : await otherServer(settings.impl, { ...options, rotationGraceSeconds: settings.rotationGraceSeconds });
  const { port, host } = settings;
  const url = await listen(server, port, host).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `Cannot listen on ${host}:${port} (${error.code ?? error.message}); pick another --port or --host.`,
    );
  });
  console.log(`token-suite ${settings.impl} server listening on ${url}`);
  if (options.providerStates) console.log(`provider states: POST ${url}/_pact/provider-states`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    // Exits with its parent: `npx token-suite serve &` and a kill of that PID (npx) must not leave this
    // server running, reparented. The parent is gone when our parent pid changes.
    const watch = setInterval(() => process.ppid !== parent && resolve(), PARENT_CHECK_MS);
    watch.unref();
  });
  await close(server);
  return 0;
}

const PARENT_CHECK_MS = 500;

function tlsOf(settings: ServeSettings): Pick<ServerOptions, 'tls'> {
  const { tlsCert, tlsKey } = settings;
  if (tlsCert === undefined && tlsKey === undefined) return {};
  if (tlsCert === undefined || tlsKey === undefined) throw new UsageError('--tls-cert and --tls-key go together.');
  const read = (file: string, flag: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${flag} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  };
  return { tls: { cert: read(tlsCert, '--tls-cert'), key: read(tlsKey, '--tls-key') } };
}

/** The alt server and the mutants load only when asked for: they stay out of the default code path. */
async function otherServer(name: string, options: ServerByNameOptions): Promise<Server> {
  const { createServerByName, SERVER_NAMES } = await import('../servers/by-name.ts');
  if (!SERVER_NAMES.includes(name)) {
    throw new UsageError(`--impl must be one of: ${SERVER_NAMES.join(', ')} (got '${name}').`);
  }
  return createServerByName(name, options);
}
