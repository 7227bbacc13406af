// Reads a request body up to a limit. Too large: 413 (RFC 9110 §15.5.14), after reading and discarding the rest
// of a body up to DRAIN_BYTES: a server that closes with the body unread resets the connection, and the client
// can lose the 413 that came before the reset (RFC 9112 §9.6). Past DRAIN_BYTES (declared or sent), 413 at once.
import type { IncomingMessage } from 'node:http';
import { invalidRequest, payloadTooLarge, unsupportedMediaType } from './errors.ts';

/** The most of an oversized body read and discarded before the 413; more than that is not worth the bytes. */
const DRAIN_BYTES = 4 * 1024 * 1024;

export function requireFormContentType(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw unsupportedMediaType();
}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > DRAIN_BYTES) return Promise.reject(payloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.pause();
      reject(payloadTooLarge(limit));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_BYTES) tooLarge();
      else if (size <= limit && declared <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      size > limit || declared > limit ? tooLarge() : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', () => reject(invalidRequest('the request body could not be read')));
  });
}
