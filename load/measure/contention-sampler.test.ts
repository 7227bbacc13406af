// The contention sampler on this machine's /proc: a local server's descendants (a cluster's workers, a
// child it forks) count as the server, and the run's own stretch is read while its thread works.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { killTree } from '../../testing/forking-server.ts';
import { ContentionSampler, withDescendants } from './contention-sampler.ts';

describe('contention sampler', () => {
  it("counts a server's children and grandchildren as the server, not its parent", async () => {
    // A "server" that forks a worker which forks one more: their pids printed by the grandchild.
    const script =
      "const {spawn}=require('child_process');" +
      "const c=spawn(process.execPath,['-e',\"const g=require('child_process').spawn(process.execPath," +
      "['-e','setTimeout(()=>{},60000)'],{stdio:'ignore'});console.log(process.pid+' '+g.pid);" +
      "setTimeout(()=>{},60000)\"],{stdio:['ignore','inherit','inherit']});setTimeout(()=>{},60000)";
    const server = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [chunk] = (await once(server.stdout, 'data')) as [Buffer];
      const [child, grandchild] = chunk.toString().trim().split(' ').map(Number);
      const found = withDescendants([server.pid!]);
      assert.deepEqual(new Set(found), new Set([server.pid, child, grandchild]));
      assert.ok(!found.includes(process.pid));
    } finally {
      killTree(server.pid!);
    }
  });

  it("reads the run's own stretch, window by window, while its thread works", async () => {
    const sampler = new ContentionSampler(50);
    sampler.start();
    // Busy 400 ms on this thread, in 20 ms slices with a turn of the event loop between (the timer fires).
    for (const until = performance.now() + 400; performance.now() < until; await new Promise(setImmediate)) {
      const slice = performance.now() + 20;
      while (performance.now() < slice);
    }
    const series = sampler.stop();
    assert.ok(series.stretch.length >= 3, `${series.stretch.length} windows`);
    assert.ok(
      series.stretch.every((s) => s !== null && s >= 1),
      `stretch ${series.stretch.join(', ')}`,
    );
    assert.ok(
      series.others.every((o) => o !== null && o >= 0),
      `others ${series.others.join(', ')}`,
    );
  });
});
