// A plain TCP proxy in a process of its own: listens on a free loopback port and pipes every connection to
// argv[2] (a URL). Stands in for a local reverse proxy / sidecar in front of a server it did not start.
import { createServer, connect } from 'node:net';
const upstream = new URL(process.argv[2]!);
const server = createServer((client) => {
  const up = connect(Number(upstream.port), upstream.hostname);
  client.pipe(up).pipe(client);
  const end = () => {
    client.destroy();
    up.destroy();
  };
  client.on('error', end);
  up.on('error', end);
  client.on('close', end);
  up.on('close', end);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`http://127.0.0.1:${address.port}\n`);
});
