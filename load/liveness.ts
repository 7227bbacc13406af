// After the load, the server must still do its job: one password grant and one refresh of its pair, each
// within --timeout, through the suite's own client. A server that collapsed under the load (stopped
// answering, answers errors, lost its store) fails LOAD-01 here even when its collapse came too late in the
// run to show in the figures.
import { notJudged } from '../client/not-judged.ts';
import { TokenClient } from '../client/token-client.ts';
import { redactTokensIn } from '../schemas/token-format.ts';
import type { LayerContext } from '../verdict/types.ts';

export interface Liveness {
  /** null: not judged (the target kept throttling past the run's wait budget): LOAD-01 cannot pass on it. */
  ok: boolean | null;
  /** What happened, in a sentence (never a token). */
  detail: string;
}

export async function probeLiveness(
  context: Pick<LayerContext, 'target' | 'guards'>,
  format: 'documented' | 'opaque',
): Promise<Liveness> {
  const { target } = context;
  const client = new TokenClient({
    baseUrl: target.baseUrl,
    timeoutMs: target.timeoutMs,
    tokenFormat: format,
    ...(target.tls ? { tls: target.tls } : {}),
    // A limiter's 429 after the load is waited out as everywhere else, never the server's failure.
    ...(context.guards ? { throttle: context.guards.throttle } : {}),
  });
  let step = 'the password grant';
  try {
    const pair = await client.getToken(target.credentials);
    step = 'the refresh of its pair';
    await client.refresh(pair.refreshToken);
    return { ok: true, detail: 'after the load, a password grant and a refresh of its pair both gave valid pairs' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (notJudged(error)) return { ok: null, detail: redactTokensIn(`after the load, ${step} was ${why}`) };
    return { ok: false, detail: redactTokensIn(`after the load, ${step} failed: ${why}`) };
  } finally {
    client.close();
  }
}
