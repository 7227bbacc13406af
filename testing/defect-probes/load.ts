import { refresh, tokens, tokensOf } from '../http.ts';
import type { DefectProbe } from './types.ts';

const PRELOADED_TOKENS = 30_000;

/** Lets timers and sockets run (the server's keep-alive timers, the client seeing a closed connection). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Median wall time of sequential refreshes along one chain. */
async function refreshMillis(base: string, rounds = 9): Promise<number> {
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
      // The mutant: ~40-50 ms after (2 ms before), busy loop beside it or not. The reference server, with a busy
      // loop beside it on Node 24, once reached a median of 5 over 5× its before and 10 ms above it: 9 rounds,
      // and a 20 ms gap.
      return after > 5 * before && after - before > 20;
    },
  },
];
