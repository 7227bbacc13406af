// --wait-for S: CI starts the server under test beside the suite, so the preflight is retried while the server
// does not answer yet (nothing listening, no HTTP answer, a 5xx from a proxy in front of it), every half second,
// for up to S seconds; then its last sentence is the exit-2 error. Any other answer stops the wait at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { NotAnsweringError } from './preflight.ts';

const RETRY_MS = 500;

export async function retryWhileNotAnswering<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  seconds: number,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<T> {
  const until = Date.now() + seconds * 1000;
  let tries = 0;
  for (;;) {
    const own = new AbortController(); // per attempt: each attempt's listeners go with it
    const forward = () => own.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    try {
      return await attempt(own.signal);
    } catch (error) {
      tries += 1;
      if (!(error instanceof NotAnsweringError) || Date.now() + RETRY_MS > until || signal.aborted) {
        if (error instanceof NotAnsweringError && seconds > 0)
          error.message = `${error.message.replace(/\.$/, '')} (still after --wait-for ${seconds} s, ${tries} tries).`;
        throw error;
      }
      if (tries === 1) log(`waiting up to ${seconds} s for the server to answer (--wait-for): ${error.message}`);
      await sleep(RETRY_MS, undefined, { signal }).catch(() => undefined);
    } finally {
      signal.removeEventListener('abort', forward);
    }
  }
}
