// Raw bytes on a fresh connection, for requests fetch-like clients refuse to send (bogus chunked encoding, a
// Content-Length larger than the body). TLS for https:// targets (SNI from the host name, port 443 by
// default), a total deadline, and a cap on the bytes kept.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { TransportError, transportError } from './transport-errors.ts';
import type { TlsTrust } from './tls.ts';

export interface RawAnswer {
  /** What came back, as latin1 text (at most maxBytes). */
  text: string;
  /** The HTTP status of the first status line, or undefined when no status line came back. */
  status: number | undefined;
  truncated: boolean;
}

export interface RawOptions {
  deadlineMs: number;
  maxBytes: number;
  tls?: TlsTrust;
}

export function rawExchange(baseUrl: string, bytes: string, options: RawOptions): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const request = { method: 'RAW', url: `${url.origin}/` };
  return new Promise((resolve, reject) => {
    const socket: Socket = secure
      ? tlsConnect({ host, port, servername: isIp(host) ? undefined : host, ...options.tls?.agentOptions }, () =>
          socket.end(bytes),
        )
      : netConnect(port, host, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (truncated: boolean) => {
      clearTimeout(deadline);
      socket.destroy();
      const text = Buffer.concat(chunks).subarray(0, options.maxBytes).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ text, status: status === undefined ? undefined : Number(status), truncated });
    };
    const deadline = setTimeout(() => {
      if (size > 0) return finish(true);
      socket.destroy();
      reject(new TransportError('timeout', request, 'ETIMEDOUT', `no answer within ${options.deadlineMs} ms`));
    }, options.deadlineMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= options.maxBytes) finish(true);
    });
    socket.once('end', () => finish(false));
    socket.once('error', (error) => {
      if (size > 0) return finish(false);
      clearTimeout(deadline);
      socket.destroy();
      reject(transportError(error, request));
    });
  });
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');
