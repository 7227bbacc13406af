// A server for `npm run bench`, in its own process: `reference` (the suite's reference server) or
// `bare` (node:http answering every request with a JSON body the size of a token pair: the platform's floor).
import { createServer } from 'node:http';
import { createTokenServer, listen } from '../servers/reference/index.ts';
import { newToken } from '../servers/reference/tokens.ts';

const kind = process.argv[2] ?? 'reference';
const body = JSON.stringify({ token: newToken(), refreshToken: newToken(), expiresIn: 3600 });
const server =
  kind === 'bare'
    ? createServer((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      })
    : createTokenServer();
console.log(await listen(server));
process.on('SIGTERM', () => process.exit(0));
