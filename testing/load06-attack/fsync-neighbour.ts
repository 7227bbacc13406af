// A disk-heavy neighbour: writes 64 KiB and fsyncs it, in a loop, into a 64 MiB ring (little CPU, much I/O).
import { openSync, writeSync, fsyncSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'load06-attack-'));
const fd = openSync(`${dir}/neighbour-${process.pid}`, 'w');
const block = Buffer.alloc(65536, 'y');
for (let i = 0; ; i += 1) {
  writeSync(fd, block, 0, block.length, (i % 1024) * 65536);
  fsyncSync(fd);
}
