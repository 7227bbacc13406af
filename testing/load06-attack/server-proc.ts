// A server in a process of its own, for the attack scenarios. argv[2]:
//   reference  — the honest reference server.
//   fsync      — the honest reference server that makes every answer durable first: appends a fixed
//                256-byte record to a fixed-size ring file and fsyncs it (constant cost; does not degrade).
//   snapshot   — the json-snapshot-store mutant (degrades as it fills, by its own CPU).
// Prints its URL on stdout.
import { openSync, writeSync, fsyncSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createMutantServer } from '../../servers/mutants/index.ts';
import { createTokenServer, listen } from '../../servers/reference/index.ts';

const kind = process.argv[2] ?? 'reference';
const server =
  kind === 'snapshot'
    ? createMutantServer('json-snapshot-store', { scryptCost: 1024 })
    : createTokenServer({ scryptCost: 1024 });
if (kind === 'fsync') {
  const dir = mkdtempSync(join(tmpdir(), 'load06-attack-'));
  const fd = openSync(`${dir}/journal-${process.pid}`, 'w');
  const record = Buffer.alloc(256, 'x');
  let slot = 0;
  const honest = server.listeners('request')[0] as RequestListener;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // A durable journal: one fixed record per request, in a ring of 4096 slots (the file never grows).
    writeSync(fd, record, 0, record.length, (slot++ % 4096) * 256);
    fsyncSync(fd);
    honest(req, res);
  });
}
process.stdout.write(`${await listen(server)}\n`);
