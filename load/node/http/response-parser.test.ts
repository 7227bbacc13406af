// The engine's HTTP/1.1 response parser: every framing, split at every byte, and every malformed or
// oversized answer refused with a ParseError (never a crash, never an endless wait for bytes).
import assert from 'node:assert/strict';
import { LIMITS, ParseError, ResponseParser, type ParsedResponse } from './response-parser.ts';

const PAIR = '{"token":"a","refreshToken":"b","expiresIn":3600}';

function parse(text: string | Buffer, chunkSize = Infinity, close = false): ParsedResponse[] {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1');
  const parser = new ResponseParser();
  const out: ParsedResponse[] = [];
  for (let at = 0; at < data.length; at += chunkSize)
    parser.feed(data.subarray(at, at + chunkSize), (r) => out.push(r));
  if (close) parser.finish((r) => out.push(r));
  return out;
}

/** Feeds the text split in two at every position: the answer must not depend on how the bytes arrive. */
function everySplit(text: string, close = false): ParsedResponse[] {
  const data = Buffer.from(text, 'latin1');
  const whole = parse(data, Infinity, close);
  for (let cut = 1; cut < data.length; cut += 1) {
    const parser = new ResponseParser();
    const out: ParsedResponse[] = [];
    parser.feed(data.subarray(0, cut), (r) => out.push(r));
    parser.feed(data.subarray(cut), (r) => out.push(r));
    if (close) parser.finish((r) => out.push(r));
    assert.deepEqual(out, whole, `split at ${cut}`);
  }
  assert.deepEqual(parse(data, 1, close), whole, 'byte by byte');
  return whole;
}

const refuses = (text: string, pattern: RegExp, close = false) =>
  assert.throws(
    () => parse(text, Infinity, close),
    (e: unknown) => e instanceof ParseError && pattern.test(e.message),
  );

describe('engine response parser', () => {
  it('reads a Content-Length body, however the bytes are split', () => {
    const text = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: ${PAIR.length}\r\n\r\n${PAIR}`;
    assert.deepEqual(everySplit(text), [{ status: 200, body: PAIR, keepAlive: true, retryAfter: null }]);
  });

  it('reads a chunked body with extensions and trailers, however the bytes are split', () => {
    const text =
      'HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n' +
      `5;x=y\r\n${PAIR.slice(0, 5)}\r\n${(PAIR.length - 5).toString(16)}\r\n${PAIR.slice(5)}\r\n` +
      '0\r\nX-Trailer: 1\r\n\r\n';
    assert.deepEqual(everySplit(text), [{ status: 400, body: PAIR, keepAlive: true, retryAfter: null }]);
  });

  it('reads Retry-After (a throttled answer says when to come back), whatever its case', () => {
    assert.deepEqual(everySplit('HTTP/1.1 429 Too Many Requests\r\nretry-AFTER:  2 \r\nContent-Length: 2\r\n\r\n{}'), [
      { status: 429, body: '{}', keepAlive: true, retryAfter: '2' },
    ]);
  });

  it('reads a body that ends with the connection, and knows the connection is then done', () => {
    assert.deepEqual(everySplit(`HTTP/1.1 200 OK\r\n\r\n${PAIR}`, true), [
      { status: 200, body: PAIR, keepAlive: false, retryAfter: null },
    ]);
  });

  it('skips interim 1xx answers, reads 204 without a body, and honours Connection: close and HTTP/1.0', () => {
    assert.deepEqual(parse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n'), [
      { status: 204, body: '', keepAlive: false, retryAfter: null },
    ]);
    assert.equal(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')[0]?.keepAlive, false);
    assert.equal(parse('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n')[0]?.keepAlive, true);
    assert.equal(parse('HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n')[0]?.status, 200, 'no reason phrase');
  });

  it('decodes the body as UTF-8 once it is complete, even when a character is split', () => {
    const body = Buffer.from('{"e":"ü€"}');
    const head = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`);
    assert.equal(parse(Buffer.concat([head, body]), 3)[0]?.body, '{"e":"ü€"}');
  });

  it('refuses malformed status lines and headers', () => {
    refuses('HTTP/2 200 OK\r\n\r\n', /status line/);
    refuses('HTTP/1.1 20 OK\r\n\r\n', /status line/);
    refuses('<html>hello</html>\r\n\r\n', /status line/);
    refuses('HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n', /malformed header/);
    refuses('HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n', /malformed header/);
    refuses('HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n', /malformed header/);
    refuses('HTTP/1.1 200 OK\r\nA: 1\nB: 2\r\n\r\n', /control character/);
    refuses('HTTP/1.1 200 OK\r\nA: \x00\r\n\r\n', /control character/);
  });

  it('refuses ambiguous framing', () => {
    refuses('HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n', /bad Content-Length/);
    refuses('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', /bad Content-Length/);
    refuses('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n', /conflicting/);
    refuses('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n', /both/);
    refuses('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n', /does not end in chunked/);
    refuses('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /bad chunk size/);
    refuses('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY', /not followed by CRLF/);
    refuses('HTTP/1.1 101 Switching Protocols\r\n\r\n', /not asked for/);
  });

  it('refuses bytes after a complete answer (nobody asked for them), and an answer cut off by the close', () => {
    refuses('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\n', /after the end/);
    refuses(`HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc`, /closed in the middle/, true);
    refuses(`HTTP/1.1 200 OK\r\nContent-Le`, /closed in the middle/, true);
  });

  it('caps the header block, a chunk-size line and the body, without waiting for the rest', () => {
    const parser = new ResponseParser();
    const endless = Buffer.from(`HTTP/1.1 200 OK\r\n${'X-Filler: yes\r\n'.repeat(100)}`);
    assert.throws(() => {
      for (let i = 0; i < 20; i += 1) parser.feed(endless, () => undefined);
    }, /headers longer than/);
    refuses(`HTTP/1.1 200 OK\r\nContent-Length: ${LIMITS.bodyBytes + 1}\r\n\r\n`, /over the cap/);
    refuses(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${'0'.repeat(2000)}`, /chunk-size line is too long/);
    const big = (LIMITS.bodyBytes / 2 + 1).toString(16);
    const chunk = 'a'.repeat(LIMITS.bodyBytes / 2 + 1);
    refuses(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${big}\r\n${chunk}\r\n${big}\r\n`, /over the cap/);
    refuses(`HTTP/1.1 200 OK\r\n\r\n${'a'.repeat(LIMITS.bodyBytes + 1)}`, /over the cap/);
  });
});
