// Where the contract lives: the committed copy (a published artifact) and the freshly generated one.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const CONSUMER = 'token-client';
export const PROVIDER = 'echon-token-api';
const PACT_FILE_NAME = `${CONSUMER}-${PROVIDER}.json`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COMMITTED_PACT = resolve(ROOT, 'contracts/pacts', PACT_FILE_NAME);
/** Where the consumer tests write (env PACT_OUTPUT_DIR, default .tmp/pacts). */
export const GENERATED_PACT_DIR = resolve(ROOT, process.env.PACT_OUTPUT_DIR ?? '.tmp/pacts');
export const GENERATED_PACT = resolve(GENERATED_PACT_DIR, PACT_FILE_NAME);

interface PactJson {
  interactions: { description: string }[];
  metadata?: unknown;
}

/** Descriptions of interactions that differ (added, removed or changed) between two pact files. */
export function contractDifferences(generatedPath: string, committedPath: string): string[] {
  if (!existsSync(committedPath)) return [`${committedPath} does not exist`];
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as PactJson;
  const [generated, committed] = [read(generatedPath), read(committedPath)];
  const byDescription = (pact: PactJson) => new Map(pact.interactions.map((i) => [i.description, i]));
  const [g, c] = [byDescription(generated), byDescription(committed)];
  const names = [...new Set([...g.keys(), ...c.keys()])].sort();
  const changed = names
    .filter((name) => !isDeepStrictEqual(g.get(name), c.get(name)))
    .map((name) => `interaction "${name}"`);
  if (!isDeepStrictEqual(generated.metadata, committed.metadata))
    changed.push('metadata (pact-js or pact-rust versions)');
  return changed;
}
