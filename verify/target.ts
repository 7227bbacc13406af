// Resolves what to verify: a given base URL, or the embedded reference server on a free loopback port.
// The embedded server hashes passwords at a lower scrypt cost than `token-suite serve` (whose default
// stays the secure 16384): on a shared CI machine the load generator and the server share the CPU, and
// the cost of hashing would otherwise decide LOAD-02 rather than the server's behaviour. The report says so.
import { close, createTokenServer, listen } from '../servers/reference/index.ts';

export interface ResolvedTarget {
  baseUrl: string;
  embedded: boolean;
  /** What a reader must know about this target (e.g. the embedded server's hashing cost). */
  notes: string[];
  stop: () => Promise<void>;
}

export const EMBEDDED_SCRYPT_COST = 1024;

export async function resolveTarget(baseUrl: string | undefined): Promise<ResolvedTarget> {
  if (baseUrl !== undefined) return { baseUrl, embedded: false, notes: [], stop: () => Promise.resolve() };
  const server = createTokenServer({ scryptCost: EMBEDDED_SCRYPT_COST });
  const url = await listen(server, 0, '127.0.0.1');
  const note =
    `the embedded reference server hashes passwords with scrypt cost ${EMBEDDED_SCRYPT_COST} ` +
    '(token-suite serve: 16384), so that on a shared machine the load layer measures behaviour, not hashing';
  return { baseUrl: url, embedded: true, notes: [note], stop: () => close(server) };
}
