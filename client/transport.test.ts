import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Transport, TransportError } from './transport.ts';

const ANSWER =
  'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}';

/**
 * A keep-alive server that closes a connection idle for longer than `idleMs`, the way a Node server does
 * after its keepAliveTimeout, with the close landing just as the client reuses the socket: the first bytes
 * of a request on a connection idle too long get a reset, never an answer. `closeAfterAnswer` closes it the
 * same way after one answer (a server that drops the connection after an error answer).
 */
function closingServer(idleMs: number, closeAfterAnswer = false): Server & { connections: () => number } {
  let connections = 0;
  const server = createServer((socket: Socket) => {
    connections += 1;
    let answeredAt: number | undefined;
    socket.on('error', () => undefined);
    socket.on('data', () => {
      const idle = answeredAt !== undefined && (closeAfterAnswer || performance.now() - answeredAt > idleMs);
      if (idle) return void socket.resetAndDestroy();
      socket.write(ANSWER);
      answeredAt = performance.now();
    });
  });
  return Object.assign(server, { connections: () => connections });
}

async function withClosing<T>(server: Server, run: (url: string) => Promise<T>): Promise<T> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  try {
    return await run(`http://127.0.0.1:${port}/v1/token`);
  } finally {
    server.close();
  }
}

describe('Transport: keep-alive sockets the server already closed', () => {
  it('resends once on a fresh connection when a reused socket idle past the server timeout is reset', async () => {
    const server = closingServer(200);
    await withClosing(server, async (url) => {
      const transport = new Transport({ deadlineMs: 5000 });
      try {
        assert.equal((await transport.send({ method: 'POST', url, body: '{}' })).status, 200);
        await sleep(400);
        const again = await transport.send({ method: 'POST', url, body: '{}' });
        assert.equal(again.status, 200);
        assert.equal(server.connections(), 2, 'the resend used a new connection');
      } finally {
        transport.close();
      }
    });
  });

  it('resends once when the server closed the connection after its answer', async () => {
    const server = closingServer(60_000, true);
    await withClosing(server, async (url) => {
      const transport = new Transport({ deadlineMs: 5000 });
      try {
        for (let i = 0; i < 3; i += 1) assert.equal((await transport.send({ method: 'POST', url })).status, 200);
      } finally {
        transport.close();
      }
    });
  });

  it('does not resend on a fresh connection: a server that resets every request is reported as such', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.on('error', () => undefined);
      socket.on('data', () => socket.resetAndDestroy());
    });
    await withClosing(server, async (url) => {
      const transport = new Transport({ deadlineMs: 5000 });
      try {
        await assert.rejects(transport.send({ method: 'POST', url }), (error: unknown) => {
          assert.ok(error instanceof TransportError);
          assert.equal(error.kind, 'reset');
          return true;
        });
        assert.equal(connections, 1, 'a reset on a new connection is not retried');
      } finally {
        transport.close();
      }
    });
  });
});

describe('Transport: a request that hangs on a reused socket', () => {
  it('is not sent again after its deadline destroyed it (nothing is left open)', async () => {
    let requests = 0;
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('data', () => {
        requests += 1;
        if (requests === 1) socket.write(ANSWER);
      });
    });
    await withClosing(server, async (url) => {
      const transport = new Transport({ deadlineMs: 300 });
      try {
        assert.equal((await transport.send({ method: 'POST', url })).status, 200);
        await assert.rejects(transport.send({ method: 'POST', url }), /no answer within 300 ms/);
        await sleep(300);
        assert.equal(requests, 2, 'the timed-out request was not resent');
      } finally {
        transport.close();
      }
    });
  });
});
