// Resolves what to verify: a given base URL, or the embedded reference server on a free loopback port.
import { systemCode } from '../client/errors.ts';
import { close, createTokenServer, listen } from '../server/index.ts';

export interface ResolvedTarget {
  baseUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export async function resolveTarget(baseUrl: string | undefined): Promise<ResolvedTarget> {
  if (baseUrl !== undefined)
    return { baseUrl: baseUrl.replace(/\/+$/, ''), embedded: false, stop: async () => undefined };
  const server = createTokenServer();
  const url = await listen(server, 0, '127.0.0.1');
  return { baseUrl: url, embedded: true, stop: () => close(server) };
}

/** Any HTTP answer means reachable. Resolves with a sentence saying what is wrong, or undefined. */
export async function unreachable(baseUrl: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const res = await fetch(`${baseUrl}/v1/token`, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return undefined;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError')
      return `${baseUrl} did not answer within ${timeoutMs} ms; check --base-url, or raise --timeout.`;
    const cause = (error as { cause?: { message?: string } }).cause;
    const code = systemCode(error) ?? cause?.message ?? (error as Error).message;
    return `Cannot reach ${baseUrl} (${code}); check --base-url and that the server is running.`;
  }
}
