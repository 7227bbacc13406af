// Raw TCP servers that answer HTTP requests the way a hostile or broken server would, for the load
// engine's own tests: it must record each request as failed, with the reason, and neither crash nor hang.
// Each server waits for a request's blank line, then misbehaves; what it writes is bounded, so a client
// that does not give up still ends.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Hostility =
  'silent' | 'endless-headers' | 'huge-length' | 'endless-chunks' | 'garbage' | 'close' | 'half-answer' | 'extra-bytes';

const OK_BODY = '{"error":"invalid_request"}';
const MAX_BYTES = 4 * 1024 * 1024;

/** Writes `piece` again and again (up to MAX_BYTES) while the client keeps the connection. */
function flood(socket: Socket, head: string, piece: string): void {
  socket.write(head);
  let written = head.length;
  const more = () => {
    while (!socket.destroyed && written < MAX_BYTES) {
      written += piece.length;
      if (!socket.write(piece)) return void socket.once('drain', more);
    }
  };
  more();
}

const ANSWERS: Record<Hostility, (socket: Socket) => void> = {
  silent: () => undefined,
  'endless-headers': (socket) => flood(socket, 'HTTP/1.1 200 OK\r\n', `X-Filler: ${'y'.repeat(1000)}\r\n`),
  'huge-length': (socket) => flood(socket, 'HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n', 'z'.repeat(4096)),
  'endless-chunks': (socket) =>
    flood(socket, 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', `1000\r\n${'c'.repeat(4096)}\r\n`),
  garbage: (socket) => socket.write('hello, this is not HTTP\r\n\r\n'),
  close: (socket) => socket.destroy(),
  'half-answer': (socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"token":'),
  'extra-bytes': (socket) =>
    socket.write(
      `HTTP/1.1 400 Bad Request\r\nContent-Length: ${OK_BODY.length}\r\n\r\n${OK_BODY}HTTP/1.1 200 OK\r\n\r\n`,
    ),
};

export async function startHostile(hostility: Hostility): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let seen = '';
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      seen = '';
      ANSWERS[hostility](socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
