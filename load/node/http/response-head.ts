// The status line and header block of an HTTP/1.x response, read straight from the bytes in one pass
// (no strings, except for the rare Transfer-Encoding and Connection values). Strict per RFC 9112: a
// header name is a token, a value has no control characters but HTAB, lines end in CRLF, no obs-fold,
// Content-Length is digits (repeats must agree), Transfer-Encoding and Content-Length not both.

export class ParseError extends Error {}

export interface Head {
  status: number;
  /** Body length from Content-Length; -1 when there is none. */
  length: number;
  chunked: boolean;
  keepAlive: boolean;
  /** The Retry-After value (a throttled answer says when to come back: load/flows/throttle.ts); null: none. */
  retryAfter: string | null;
}

const TCHAR = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
  TCHAR[c.charCodeAt(0)] = 1;
const PREFIX = [0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e]; // "HTTP/1."
const [CR, LF, SP, HTAB, COLON] = [13, 10, 32, 9, 58];
const NAMES = {
  length: bytes('content-length'),
  encoding: bytes('transfer-encoding'),
  connection: bytes('connection'),
  retryAfter: bytes('retry-after'),
};

function bytes(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

function quote(data: Buffer, from: number, to: number): string {
  return JSON.stringify(data.toString('latin1', from, Math.min(to, from + 40)));
}

/** Reads the head in data[at, end), `end` being where its closing CRLFCRLF starts. */
export function readHead(data: Buffer, at: number, end: number): Head {
  const lineEnd = statusLineEnd(data, at, end);
  const http11 = data[at + 7] === 0x31;
  const status = (data[at + 9]! - 48) * 100 + (data[at + 10]! - 48) * 10 + (data[at + 11]! - 48);
  const head: Head = { status, length: -1, chunked: false, keepAlive: http11, retryAfter: null };
  let transferEncoding: string | null = null;
  let connection = '';
  for (let line = lineEnd + 2; line < end + 2;) {
    const colon = nameEnd(data, line, end);
    const [from, to, next] = valueBounds(data, colon + 1, end + 2);
    if (is(data, line, colon, NAMES.length)) head.length = contentLength(data, from, to, head.length);
    else if (is(data, line, colon, NAMES.encoding)) transferEncoding = data.toString('latin1', from, to);
    else if (is(data, line, colon, NAMES.connection))
      connection += `,${data.toString('latin1', from, to).toLowerCase()}`;
    else if (is(data, line, colon, NAMES.retryAfter)) head.retryAfter = data.toString('latin1', from, to);
    line = next;
  }
  if (transferEncoding !== null) {
    if (head.length >= 0) throw new ParseError('both Transfer-Encoding and Content-Length');
    if (!/(?:^|,)[ \t]*chunked[ \t]*$/i.test(transferEncoding))
      throw new ParseError('a Transfer-Encoding that does not end in chunked');
    head.chunked = true;
  }
  if (connection)
    head.keepAlive = http11 ? !/,[ \t]*close[ \t]*(?:,|$)/.test(connection) : /keep-alive/.test(connection);
  return head;
}

/** "HTTP/1.x NNN[ reason]" with a status code 100-999; returns where its CRLF is. */
function statusLineEnd(data: Buffer, at: number, end: number): number {
  let ok = end - at >= 12;
  for (let i = 0; ok && i < 7; i += 1) ok = data[at + i] === PREFIX[i];
  const minor = data[at + 7];
  ok =
    ok && (minor === 0x30 || minor === 0x31) && data[at + 8] === SP && data[at + 9]! >= 0x31 && data[at + 9]! <= 0x39;
  ok = ok && data[at + 10]! >= 0x30 && data[at + 10]! <= 0x39 && data[at + 11]! >= 0x30 && data[at + 11]! <= 0x39;
  let i = at + 12;
  ok = ok && (i === end || data[i] === SP || data[i] === CR);
  for (; ok && i < end && data[i] !== CR; i += 1) ok = data[i]! >= SP || data[i] === HTAB;
  if (!ok || (i < end && data[i + 1] !== LF))
    throw new ParseError(`not an HTTP/1.x status line: ${quote(data, at, end)}`);
  return i;
}

/** The colon that ends a header name starting at `from`. */
function nameEnd(data: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end && TCHAR[data[i]!] === 1) i += 1;
  if (i === from || data[i] !== COLON) throw new ParseError(`malformed header line ${quote(data, from, end)}`);
  return i;
}

/** [first, last) of the value without surrounding whitespace, and where the next line starts. */
function valueBounds(data: Buffer, from: number, limit: number): [number, number, number] {
  let i = from;
  while (data[i] === SP || data[i] === HTAB) i += 1;
  const first = i;
  let last = i;
  for (; i < limit; i += 1) {
    const c = data[i]!;
    if (c === CR) break;
    if (c < SP ? c !== HTAB : c === 0x7f)
      throw new ParseError(`a control character in a header ${quote(data, from, limit)}`);
    if (c !== SP && c !== HTAB) last = i + 1;
  }
  if (data[i + 1] !== LF) throw new ParseError(`a header line not ended by CRLF ${quote(data, from, limit)}`);
  return [first, last, i + 2];
}

function is(data: Buffer, from: number, to: number, name: number[]): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i += 1) if ((data[from + i]! | 0x20) !== name[i]) return false;
  return true;
}

function contentLength(data: Buffer, from: number, to: number, known: number): number {
  let value = 0;
  if (to <= from || to - from > 15) throw new ParseError(`bad Content-Length ${quote(data, from, to)}`);
  for (let i = from; i < to; i += 1) {
    const digit = data[i]! - 48;
    if (digit < 0 || digit > 9) throw new ParseError(`bad Content-Length ${quote(data, from, to)}`);
    value = value * 10 + digit;
  }
  if (known >= 0 && known !== value) throw new ParseError('conflicting Content-Length headers');
  return value;
}
