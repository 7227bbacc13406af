// A local target's server process is found by the port it listens on (so LOAD-06 counts its CPU as the
// run's own, not as a busier machine); a remote target has none.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { localPort, targetPids, withUpstream } from './target-process.ts';

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

  it('finds the server behind a local proxy: the process on the loopback port the proxy is connected to', async () => {
    const listen = (code: string, port = '') =>
      spawn(process.execPath, ['-e', code, port], { stdio: ['ignore', 'pipe', 'inherit'] });
    const portOf = async (child: ReturnType<typeof listen>) =>
      Number(((await once(child.stdout, 'data')) as [Buffer])[0].toString().trim());
    const upstream = listen(
      "const s=require('net').createServer(()=>{}).listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    );
    const upstreamPort = await portOf(upstream);
    // The proxy holds a connection to the upstream, as a reverse proxy does while it serves.
    const proxy = listen(
      "const net=require('net');const c=net.connect(+process.argv[1],'127.0.0.1',()=>{" +
        "const s=net.createServer(()=>{}).listen(0,'127.0.0.1',()=>console.log(s.address().port))})",
      String(upstreamPort),
    );
    const bystander = listen(
      "const s=require('net').createServer(()=>{}).listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    );
    try {
      const proxyPort = await portOf(proxy);
      await portOf(bystander);
      const found = withUpstream(targetPids(`http://127.0.0.1:${proxyPort}`));
      assert.deepEqual(new Set(found), new Set([proxy.pid, upstream.pid]));
      assert.deepEqual(withUpstream([upstream.pid!]), [upstream.pid], 'a server connected to nothing stands alone');
    } finally {
      for (const child of [upstream, proxy, bystander]) child.kill();
    }
  });
});
