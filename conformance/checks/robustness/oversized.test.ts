// Oversized bodies (RFC 9110 §15.5.14): a server may refuse one by closing the connection, so a close on every
// try is that refusal (ROBUST-01 passes, and the closes open no breaker); an answer on any try is judged, so a
// server that sends a 5xx and closes is seen even when a try loses its answer to the close.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { runChecks } from '../../../testing/run-checks.ts';
import type { Finding } from '../../check.ts';
import { noServerErrors } from './no-server-errors.ts';
import { noTokensForHostileInput } from './no-tokens-for-hostile-input.ts';

const LIMIT = 16 * 1024;
/** Over the limit, but for the raw case whose Content-Length is a lie (its socket, Host: x, gets a 400 below). */
const oversized = (req: IncomingMessage) =>
  Number(req.headers['content-length'] ?? 0) > LIMIT && req.headers.host !== 'x';

/** Answers 400 to everything; an oversized body gets `onOversized` (its `tries` counts them, from 1). */
function server(onOversized: (req: IncomingMessage, tries: number) => void): Server {
  let tries = 0;
  return createServer((req, res) => {
    if (oversized(req)) return onOversized(req, ++tries);
    if (req.headers.host === 'x') return void res.writeHead(400, { connection: 'close' }).end();
    req.resume();
    req.on('end', () => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":"invalid_request"}');
    });
  });
}

async function judge(onOversized: (req: IncomingMessage, tries: number) => void) {
  const [robust01, robust02] = await runChecks(server(onOversized), [noServerErrors, noTokensForHostileInput]);
  return { robust01: robust01 as Finding, robust02: robust02 as Finding };
}

describe('ROBUST-01 and ROBUST-02 on oversized bodies', () => {
  it('a server that resets the connection on every oversized body refuses it: pass, no breaker opened', async () => {
    const { robust01, robust02 } = await judge((req) => void req.socket.resetAndDestroy());
    assert.equal(robust01.outcome, 'pass', robust01.evidence.join('\n'));
    const closed = robust01.evidence.filter((line) => /3 tries \(a body too large refused by closing/.test(line));
    assert.equal(closed.length, 3, robust01.evidence.join('\n'));
    assert.equal(robust02.outcome, 'pass', robust02.evidence.join('\n'));
  });

  it('a server that answers 500 to an oversized body, the answer to its first try lost to a reset: fail', async () => {
    // Two resets: the transport sends a request again on a fresh connection when a kept-alive one resets.
    const { robust01 } = await judge((req, tries) => {
      if (tries <= 2) req.socket.resetAndDestroy();
      else
        req.resume().on('end', () => req.socket.end('HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n'));
    });
    assert.equal(robust01.outcome, 'fail', robust01.evidence.join('\n'));
    assert.match(robust01.evidence.join('\n'), /FAILED: a 1 MiB body → 500/);
  });

  it('a server that closes without an answer on a small malformed body is still inconclusive there', async () => {
    const resetting = createServer((req) => void req.socket.resetAndDestroy());
    const [robust01] = (await runChecks(resetting, [noServerErrors])) as [Finding];
    assert.equal(robust01.outcome, 'inconclusive', robust01.evidence.join('\n'));
    assert.match(robust01.evidence.join('\n'), /MISSING: bad percent-encoding/);
  });
});
