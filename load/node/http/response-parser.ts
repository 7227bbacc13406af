// A strict, minimal HTTP/1.1 response parser for the load engine: status line, headers, and a body
// framed by Content-Length, by chunked transfer coding, or (neither) by the end of the connection.
// Built for a hostile server: the header block, a chunk-size line and the body are capped, and anything
// it does not accept is a ParseError (the connection is then dropped): never a crash, never a wait for
// bytes that are not allowed to come. One response at a time (the engine never pipelines).
import { ParseError, readHead } from './response-head.ts';

export interface ParsedResponse {
  status: number;
  body: string;
  /** False when the server said `Connection: close` (or spoke HTTP/1.0 without keep-alive, or framed by close). */
  keepAlive: boolean;
  /** The Retry-After header's value; null when there is none. */
  retryAfter: string | null;
}

export { ParseError };

export const LIMITS = { headerBytes: 16 * 1024, bodyBytes: 1024 * 1024, chunkLineBytes: 1024 };

const CRLF_CRLF = Buffer.from('\r\n\r\n');

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' | 'close';

export class ResponseParser {
  private pending: Buffer | null = null;
  private state: State = 'head';
  private status = 0;
  private keepAlive = true;
  private retryAfter: string | null = null;
  private remaining = 0;
  private parts: Buffer[] = [];
  private bodyBytes = 0;
  /** Bumped by reset(): a callback that dropped the connection stops the feed it was called from. */
  private generation = 0;
  private completed = false;
  /** parts[0, kept) are copies that outlive the read buffer they came from. */
  private kept = 0;

  /** True while a response has started but is not complete (bytes of it were seen). */
  get busy(): boolean {
    return this.state !== 'head' || this.pending !== null;
  }

  /**
   * Feeds bytes; calls `onResponse` for the response they complete. Throws ParseError, also for bytes
   * that follow a complete answer in the same read (the server cannot have been asked for more yet).
   * `chunk` may be a reused read buffer: whatever is kept past this call is copied.
   */
  feed(chunk: Buffer, onResponse: (response: ParsedResponse) => void): void {
    const generation = this.generation;
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    this.completed = false;
    let at = 0;
    while (at < data.length) {
      if (this.completed) throw new ParseError('bytes after the end of an answer');
      const used = this.step(data, at, onResponse);
      if (this.generation !== generation) return;
      if (used < 0) {
        this.pending = Buffer.from(data.subarray(at));
        break;
      }
      at = used;
    }
    for (let i = this.kept; i < this.parts.length; i += 1) this.parts[i] = Buffer.from(this.parts[i] as Buffer);
    this.kept = this.parts.length;
  }

  /** The connection ended: completes a body framed by the close, or throws when a response was cut short. */
  finish(onResponse: (response: ParsedResponse) => void): void {
    if (this.state === 'close') return this.complete(onResponse);
    if (this.busy) throw new ParseError('the connection closed in the middle of an answer');
  }

  reset(): void {
    this.generation += 1;
    this.pending = null;
    this.state = 'head';
    this.parts = [];
    this.kept = 0;
    this.bodyBytes = 0;
  }

  /** Consumes from `at`; returns the new offset, or -1 when more bytes are needed. */
  private step(data: Buffer, at: number, onResponse: (response: ParsedResponse) => void): number {
    switch (this.state) {
      case 'head':
        return this.head(data, at, onResponse);
      case 'length': {
        const take = Math.min(this.remaining, data.length - at);
        this.addBody(data, at, at + take);
        this.remaining -= take;
        if (this.remaining === 0) this.complete(onResponse);
        return at + take;
      }
      case 'chunk-size':
        return this.chunkSize(data, at);
      case 'chunk-data': {
        const take = Math.min(this.remaining, data.length - at);
        this.addBody(data, at, at + take);
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'chunk-end';
        return at + take;
      }
      case 'chunk-end':
        if (data.length - at < 2) return -1;
        if (data[at] !== 13 || data[at + 1] !== 10) throw new ParseError('a chunk is not followed by CRLF');
        this.state = 'chunk-size';
        return at + 2;
      case 'trailer':
        return this.trailer(data, at, onResponse);
      default:
        this.addBody(data, at, data.length);
        return data.length;
    }
  }

  private head(data: Buffer, at: number, onResponse: (response: ParsedResponse) => void): number {
    const end = data.indexOf(CRLF_CRLF, at);
    if (end < 0) {
      if (data.length - at > LIMITS.headerBytes)
        throw new ParseError(`headers longer than ${LIMITS.headerBytes} bytes`);
      return -1;
    }
    if (end - at > LIMITS.headerBytes) throw new ParseError(`headers longer than ${LIMITS.headerBytes} bytes`);
    const { status, length, chunked, keepAlive, retryAfter } = readHead(data, at, end);
    const next = end + 4;
    if (status < 200) {
      if (status === 101) throw new ParseError('101 Switching Protocols was not asked for');
      return next; // an interim answer (100 Continue, 103 Early Hints): the real one follows
    }
    this.status = status;
    this.keepAlive = keepAlive;
    this.retryAfter = retryAfter;
    if (status === 204 || status === 304) {
      this.complete(onResponse);
      return next;
    }
    if (chunked) this.state = 'chunk-size';
    else if (length >= 0) {
      if (length > LIMITS.bodyBytes) throw new ParseError(`a body of ${length} bytes is over the cap`);
      this.remaining = length;
      this.state = 'length';
      if (length === 0) this.complete(onResponse);
    } else {
      this.keepAlive = false;
      this.state = 'close';
    }
    return next;
  }

  private chunkSize(data: Buffer, at: number): number {
    const end = data.indexOf('\r\n', at);
    if (end < 0) {
      if (data.length - at > LIMITS.chunkLineBytes) throw new ParseError('a chunk-size line is too long');
      return -1;
    }
    const line = data.toString('latin1', at, end);
    const hex = line.split(';', 1)[0] as string;
    if (!/^[0-9A-Fa-f]{1,8}$/.test(hex)) throw new ParseError(`bad chunk size ${JSON.stringify(line.slice(0, 20))}`);
    const size = parseInt(hex, 16);
    if (this.bodyBytes + size > LIMITS.bodyBytes) throw new ParseError('a chunked body over the cap');
    this.remaining = size;
    this.state = size === 0 ? 'trailer' : 'chunk-data';
    return end + 2;
  }

  private trailer(data: Buffer, at: number, onResponse: (response: ParsedResponse) => void): number {
    const end = data.indexOf('\r\n', at);
    if (end < 0) {
      if (data.length - at > LIMITS.headerBytes) throw new ParseError('trailers too long');
      return -1;
    }
    if (end === at) this.complete(onResponse);
    return end + 2;
  }

  private addBody(data: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.bodyBytes += to - from;
    if (this.bodyBytes > LIMITS.bodyBytes) throw new ParseError('a body over the cap');
    this.parts.push(data.subarray(from, to));
  }

  private complete(onResponse: (response: ParsedResponse) => void): void {
    const parts = this.parts;
    const body =
      parts.length === 0 ? '' : parts.length === 1 ? (parts[0] as Buffer).toString() : Buffer.concat(parts).toString();
    const response = { status: this.status, body, keepAlive: this.keepAlive, retryAfter: this.retryAfter };
    this.parts = [];
    this.kept = 0;
    this.bodyBytes = 0;
    this.state = 'head';
    this.completed = true;
    onResponse(response);
  }
}
