// A local target's server process is found by the port it listens on (so LOAD-06 counts its CPU as the
// run's own, not as a busier machine); a remote target has none.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { localPort, targetPids } from './target-process.ts';

describe('target process', () => {
  it("finds the process listening on a local target's port, none for a remote target", async () => {
    const child = spawn(
      process.execPath,
      ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port))"],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const port = Number(chunk.toString().trim());
      assert.deepEqual(targetPids(`http://127.0.0.1:${port}`), [child.pid]);
      assert.deepEqual(targetPids('https://auth.example.com'), []);
      assert.deepEqual(
        [localPort('https://localhost'), localPort('http://[::1]:81'), localPort('http://10.0.0.1')],
        [443, 81, null],
      );
    } finally {
      child.kill();
    }
  });
});
