// The harness's network thread: a VU thread blocks on it (sync-call.ts, Atomics.wait) while it sends
// a batch of requests concurrently over real HTTP and returns the answers.
import { serveSyncCalls } from './sync-call.ts';

export interface WireRequest {
  method: string;
  url: string;
  body: string | null;
  headers: Record<string, string>;
  timeoutMs: number;
}
export interface WireResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  durationMs: number;
  error: string;
}

async function send(request: WireRequest): Promise<WireResponse> {
  const started = performance.now();
  try {
    const init = { method: request.method, headers: request.headers, signal: AbortSignal.timeout(request.timeoutMs) };
    const response = await fetch(request.url, request.body === null ? init : { ...init, body: request.body });
    const body = await response.text();
    return {
      status: response.status,
      body,
      headers: Object.fromEntries(response.headers),
      durationMs: performance.now() - started,
      error: '',
    };
  } catch (error) {
    return { status: 0, body: '', headers: {}, durationMs: performance.now() - started, error: String(error) };
  }
}

serveSyncCalls((requests: WireRequest[]) => Promise.all(requests.map(send)));
