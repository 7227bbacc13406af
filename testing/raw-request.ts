// Test helper: one request written byte for byte on a plain TCP socket, for request targets and framing that
// fetch cannot send. The request should ask for `Connection: close`; the answer is everything read until the
// server closes. A deadline (not an idle timeout) bounds a hung server.
import { connect } from 'node:net';

export function rawRequest(base: string, request: string, deadlineMs = 10_000): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** The status code of a raw HTTP/1.1 answer, or 0 when there is none. */
export const rawStatus = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3}) /.exec(answer)?.[1] ?? 0);

/** A POST of a form body to `target`, asking the server to close afterwards. */
export const rawPost = (target: string, body: string): string =>
  `POST ${target} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
  `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
