// Every HTTP request the suite sends goes through here: a total deadline (not an idle timeout: a server
// that drips one byte a second still ends on time), a cap on the body bytes kept (after decompression), and
// the same TLS trust for every request (an extra CA, verification off, a client certificate).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { TransportError, transportError } from './transport-errors.ts';
import type { TlsTrust } from './tls.ts';
import { systemCode } from './errors.ts';

export { TransportError } from './transport-errors.ts';

export interface TransportOptions {
  /** Milliseconds from sending to the last byte of the answer. */
  deadlineMs: number;
  /** Body bytes kept (after decompression); the rest is cut off and `truncated` set. */
  maxBodyBytes?: number;
  tls?: TlsTrust;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The body was larger than maxBodyBytes (or would not end before the deadline): only its start is kept. */
  truncated: boolean;
  ms: number;
}

const DEFAULT_MAX_BODY_BYTES = 1 << 20;
/** What a reused socket the server had already closed fails with, before any answer byte. */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** One transport per run: keep-alive connections, one trust, one deadline and one cap for every request. */
export class Transport {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly https: HttpsAgent;
  /** What to do with each request in flight when the run is interrupted. */
  private readonly inFlight = new Set<() => void>();

  constructor(
    readonly options: TransportOptions,
    private readonly signal?: AbortSignal,
  ) {
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 64, ...options.tls?.agentOptions });
    signal?.addEventListener('abort', () => [...this.inFlight].forEach((abort) => abort()), { once: true });
  }

  send(outgoing: OutgoingRequest): Promise<HttpAnswer> {
    const { signal } = this;
    const url = new URL(outgoing.url);
    const body = outgoing.body === undefined ? undefined : Buffer.from(outgoing.body);
    const headers = { ...outgoing.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const started = performance.now();
    return new Promise((resolve, reject) => {
      let req: ClientRequest | undefined;
      let settled = false;
      const fail = (error: unknown) => {
        settled = true;
        clearTimeout(deadline);
        this.inFlight.delete(onAbort);
        req?.destroy();
        reject(error instanceof TransportError ? error : transportError(error, outgoing));
      };
      const deadline = setTimeout(
        () =>
          fail(new TransportError('timeout', outgoing, 'ETIMEDOUT', `no answer within ${this.options.deadlineMs} ms`)),
        this.options.deadlineMs,
      );
      const onAbort = () => fail(new TransportError('aborted', outgoing, 'ABORT_ERR', stopReason(signal)));
      if (signal?.aborted) return onAbort();
      this.inFlight.add(onAbort);
      const attempt = (fresh: boolean) => {
        const current = this.request(url, outgoing.method, headers, fresh);
        req = current;
        let answered = false;
        current.once('error', (error) => {
          // Node's documented pattern: a kept-alive socket the server closed while it sat idle (its keep-alive
          // timeout, or a close after an error answer) fails before any answer byte; send once more on a new
          // connection. A failure on a new connection, or after the answer began, is the server's.
          if (settled) return; // our own destroy() after the deadline or an abort: nothing more to send
          if (!fresh && !answered && current.reusedSocket && STALE_SOCKET.has(systemCode(error) ?? '')) {
            return attempt(true);
          }
          fail(error);
        });
        current.once('response', (res) => {
          answered = true;
          readCapped(res, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES).then(({ bytes, truncated }) => {
            settled = true;
            clearTimeout(deadline);
            this.inFlight.delete(onAbort);
            if (truncated) current.destroy();
            resolve({
              status: res.statusCode ?? 0,
              headers: toHeaders(res),
              body: bytes,
              truncated,
              ms: performance.now() - started,
            });
          }, fail);
        });
        current.end(body);
      };
      attempt(false);
    });
  }

  /** A request on the run's keep-alive agent, or (`fresh`) on a new connection of its own with the same trust. */
  private request(url: URL, method: string, headers: Record<string, string>, fresh: boolean): ClientRequest {
    if (url.protocol !== 'https:') return httpRequest(url, { method, headers, agent: fresh ? false : this.http });
    if (!fresh) return httpsRequest(url, { method, headers, agent: this.https });
    return httpsRequest(url, { method, headers, agent: false, ...this.options.tls?.agentOptions });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** Reads at most `cap` bytes of the (decompressed) body; more is cut off, never buffered. */
function readCapped(res: IncomingMessage, cap: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const decoder = decompressor(res.headers['content-encoding']);
  const stream = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (truncated: boolean) => {
      stream.removeAllListeners('data');
      resolve({ bytes: Buffer.concat(chunks, Math.min(size, cap)), truncated });
    };
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= cap) return;
      res.destroy();
      decoder?.destroy();
      finish(true);
    });
    stream.once('end', () => finish(false));
    stream.once('error', reject);
    res.once('error', reject);
  });
}

function decompressor(encoding: string | undefined): Transform | undefined {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'deflate') return createInflate();
  if (name === 'br') return createBrotliDecompress();
  return undefined;
}

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    } catch {
      // a header Headers refuses (invalid characters) is dropped, never fatal
    }
  }
  return headers;
}

/** Why the run stopped, as the signal's reason says it ("interrupted (Ctrl-C)", "the run's deadline ..."). */
export function stopReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && !(reason instanceof DOMException) ? reason.message : 'the run was interrupted';
}
