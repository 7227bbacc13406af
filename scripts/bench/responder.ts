// The deliberately cheap responder of `npm run bench`, in its own process: node:http answering every
// POST /v1/token with a fresh token pair in the documented format, at almost no cost per answer. Each
// token is one random 256-character token whose last 12 characters are replaced by a per-process
// counter (base 62), so every answer is new and valid (the client's uniqueness check never fires) and
// the client, not this server, is the limit. Not a token server: it checks nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALPHANUMERIC } from '../../schemas/token-format.ts';
import { newToken } from '../../servers/reference/tokens.ts';

const COUNTER_DIGITS = 12;
const base = [newToken(), newToken()].map((t) => t.slice(0, t.length - COUNTER_DIGITS));
let counter = 0;

function counterText(n: number): string {
  let text = '';
  for (let i = 0; i < COUNTER_DIGITS; i += 1) {
    text = ALPHANUMERIC[n % 62] + text;
    n = Math.floor(n / 62);
  }
  return text;
}

function freshPair(): string {
  counter += 1;
  const tail = counterText(counter);
  return `{"token":"${base[0]}${tail}","refreshToken":"${base[1]}${tail}","expiresIn":3600}`;
}

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const pair = freshPair();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': pair.length }).end(pair);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
process.on('SIGTERM', () => process.exit(0));
