import { refresh, tokens, tokensOf } from '../http.ts';
import type { DefectProbe } from './types.ts';

const PRELOADED_TOKENS = 30_000;

/** Lets timers and sockets run (the server's keep-alive timers, the client seeing a closed connection). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Median wall time of a few sequential refreshes along one chain. */
async function refreshMillis(base: string, rounds = 5): Promise<number> {
  let { refreshToken } = await tokens(base);
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    refreshToken = tokensOf(await refresh(base, refreshToken)).refreshToken;
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

export const LOAD_PROBES: DefectProbe[] = [
  {
    mutant: 'json-snapshot-store',
    requirement: `refresh latency does not grow with the tokens issued (${PRELOADED_TOKENS} preloaded)`,
    needsContext: true,
    async shows(base, server) {
      await refreshMillis(base); // warm-up
      const before = await refreshMillis(base);
      const { store } = server.context!;
      for (let i = 0; i < PRELOADED_TOKENS; i += 1) {
        store.issue('preloaded-client', `user-${i}`);
        if (i % 1000 === 999) await yieldToLoop();
      }
      // The preload takes seconds on a busy machine: past the server's keep-alive timeout, the client's
      // pooled connection could be reused just as the server times it out (ECONNRESET). Start afresh.
      server.closeIdleConnections();
      await yieldToLoop();
      const after = await refreshMillis(base);
      return after > 5 * before && after - before > 10;
    },
  },
];
