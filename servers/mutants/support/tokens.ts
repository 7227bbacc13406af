// Token generators for the token-format mutants, and a way to put one in place for both token kinds.
// The store keeps generating its own refresh tokens; the client only ever sees the mutant's, mapped to them.
import type { AppContext } from '../../reference/index.ts';
import { ALPHANUMERIC } from '../../../schemas/token-format.ts';

/**
 * The documented shape from any 32 hex digits and 224 alphanumerics: the UUIDv4 version and variant
 * nibbles are forced.
 */
export function documented(hex: string, tail: string): string {
  const h = hex.toLowerCase().padStart(32, '0').slice(-32);
  return `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}${tail.padStart(224, '0').slice(-224)}`;
}

export function randomAlphanumerics(length: number, next: () => number = Math.random): string {
  let text = '';
  while (text.length < length) text += ALPHANUMERIC[Math.floor(next() * ALPHANUMERIC.length)];
  return text;
}

/** Access and refresh tokens both come from `generate`; refresh tokens are mapped to the store's own. */
export function useTokenGenerator(context: AppContext, generate: () => string): void {
  const { store } = context;
  const issue = store.issue.bind(store);
  const rotate = store.rotate.bind(store);
  const stored = new Map<string, string>(); // shown to the client → kept by the store
  const show = (token: string): string => {
    const shown = generate();
    stored.set(shown, token);
    return shown;
  };
  context.newAccessToken = generate;
  store.issue = (clientId, username) => show(issue(clientId, username));
  store.rotate = (token) => {
    const rotation = rotate(stored.get(token) ?? token); // provider-state tokens are kept as given
    return rotation.outcome === 'rotated' ? { ...rotation, refreshToken: show(rotation.refreshToken) } : rotation;
  };
}
