import { createServer } from 'node:http';
import { startServer } from '/work/main/testing/reference-server.ts';
import { listen } from '/work/main/server/index.ts';
import { runVerification } from '/work/main/contracts/verify-contract.ts';
const up = await startServer({ providerStates: true });
const proxy = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c)).on('end', async () => {
    const a = await fetch(up.url + req.url, { method: req.method, headers: { 'content-type': String(req.headers['content-type']) }, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const t = await a.text();
    res.writeHead(a.status === 401 ? 400 : a.status, { 'content-type': a.headers.get('content-type') ?? '' }).end(t);
  });
});
const url = await listen(proxy);
const r = await runVerification({ baseUrl: url, states: 'seeded' });
console.log(JSON.stringify(r.interactions.filter((i) => !i.ok), null, 1));
process.exit(0);
