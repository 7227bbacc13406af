// Loads extra clients and users for the reference server from a JSON file or an environment variable.
import { readFileSync } from 'node:fs';
import { DOCUMENTED_SEED, type Seed } from '../servers/reference/index.ts';
import { UsageError } from './usage-error.ts';

/** The documented seed plus what the file (TOKEN_SUITE_SEED_FILE) and inline JSON (TOKEN_SUITE_SEED) add. */
export function loadSeed(file: string | undefined, inline: string | undefined): Seed {
  const seed: Seed = { ...DOCUMENTED_SEED, clients: [...DOCUMENTED_SEED.clients], users: [...DOCUMENTED_SEED.users] };
  if (file !== undefined) merge(seed, parse(read(file), `the seed file ${file}`));
  if (inline !== undefined) merge(seed, parse(inline, 'TOKEN_SUITE_SEED'));
  return seed;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the seed file ${file}: ${(error as Error).message}.`);
  }
}

function parse(text: string, where: string): Partial<Seed> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${where} is not valid JSON; expected {"clients": ["id"], "users": [{"username": "u", "password": "p"}]}.`,
    );
  }
  const seed = value as Partial<Seed>;
  const clientsOk =
    seed.clients === undefined ||
    (Array.isArray(seed.clients) && seed.clients.every((c) => typeof c === 'string' && c !== ''));
  const usersOk =
    seed.users === undefined ||
    (Array.isArray(seed.users) &&
      seed.users.every(
        (u) =>
          typeof u?.username === 'string' && u.username !== '' && typeof u.password === 'string' && u.password !== '',
      ));
  if (!clientsOk || !usersOk) {
    throw new UsageError(
      `${where} must look like {"clients": ["id"], "users": [{"username": "u", "password": "p"}]} ` +
        'with non-empty strings.',
    );
  }
  return seed;
}

function merge(into: Seed, extra: Partial<Seed>): void {
  into.clients.push(...(extra.clients ?? []));
  into.users.push(...(extra.users ?? []));
}
