// A stand-in for a local server whose own background work (a compaction it forks) crowds its CPU mid-run:
// the reference server in a process of its own that, `afterMs` after its first request, forks `loops` busy
// loops. It shares with such a real server its process tree (the work runs in children of the process that
// listens, so the suite must count them as the server, not as a neighbour arriving); not the work itself.
// startForkingServer runs it (this file, as a script) and stops it with its children.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { withDescendants } from '../load/measure/contention-sampler.ts';
import { startServer } from './reference-server.ts';

const SELF = fileURLToPath(import.meta.url);

/** Kills a process and every process descended from it, the youngest first. */
export function killTree(pid: number): void {
  for (const each of withDescendants([pid]).reverse()) {
    try {
      process.kill(each, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export async function startForkingServer(
  afterMs: number,
  loops: number,
): Promise<{ url: string; pid: number; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SELF, String(afterMs), String(loops)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const stop = () => killTree(child.pid!);
  return { url: chunk.toString().trim(), pid: child.pid!, stop };
}

async function main(afterMs: number, loops: number): Promise<void> {
  const { url, server } = await startServer();
  let forked = false;
  server.on('request', () => {
    if (forked) return;
    forked = true;
    setTimeout(() => {
      for (let i = 0; i < loops; i += 1) spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    }, afterMs);
  });
  process.stdout.write(`${url}\n`);
}

if (process.argv[1] === SELF) await main(Number(process.argv[2]), Number(process.argv[3]));
