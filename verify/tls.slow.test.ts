// HTTPS targets with a private CA: conformance and contract over TLS with --ca-file, --insecure with its
// warning, the raw probes speaking TLS (seen failing on a server that 5xxes malformed input), mutual TLS,
// the load over TLS with both engines, and every TLS mistake as exit 2 with the sentence that names the flag
// that fixes it. Nothing here is judged on time (the load runs are judged on requests made and answered), so
// it runs beside other untimed files; all three layers passing over TLS, LOAD-06 included, is
// tls-layers.slow.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { findK6 } from '../load/k6/process.ts';
import { runCli } from '../testing/cli.ts';
import { startServer, type Running } from '../testing/reference-server.ts';
import { readSummary, tempDir } from '../testing/reports.ts';
import { makeTlsFixtures, type TlsFixtures } from '../testing/tls-fixtures.ts';

const WITHIN_MS = 30_000;
const byId = (dir: string, id: string) => readSummary(dir).requirements.find((r) => r.id === id)!;

describe('HTTPS targets with a private CA', function () {
  this.timeout(120_000);
  let tls: TlsFixtures;
  let server: Running;
  before(async () => {
    tls = makeTlsFixtures();
    server = await startServer({ tls: { cert: tls.pem.serverCert, key: tls.pem.serverKey } });
    assert.match(server.url, /^https:\/\//);
  });
  after(() => server.stop());

  it('--ca-file: conformance and contract pass, and the raw probes get real HTTP statuses over TLS', async () => {
    const dir = tempDir();
    const run = await runCli([
      'verify',
      '--only',
      'conformance,contract',
      '--base-url',
      server.url,
      '--ca-file',
      tls.caFile,
      '--report-dir',
      dir,
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const raw = byId(dir, 'ROBUST-01').evidence.filter((line) => /bogus chunked|Content-Length larger/.test(line));
    assert.equal(raw.length, 2);
    for (const line of raw) assert.match(line, /^ok: .* → 4\d\d$/);
    assert.equal(byId(dir, 'PACT-01').status, 'pass');
  });

  it('--insecure: the load layer passes over TLS without the CA, with both engines', async function () {
    for (const engine of ['node', ...(findK6() ? ['k6'] : [])]) {
      const dir = tempDir();
      const args = ['--only', 'load', '--base-url', server.url, '--insecure', '--engine', engine, '--duration', '3'];
      const run = await runCli(['verify', ...args, '--report-dir', dir]);
      assert.notEqual(run.code, 2, `${engine}: ${run.stdout}${run.stderr}`);
      assert.equal(readSummary(dir).load?.engine, engine);
    }
  });

  it('a wrong CA: exit 2 within 30 s, naming --ca-file', async () => {
    const dir = tempDir();
    const run = await runCli(['verify', '--base-url', server.url, '--ca-file', tls.wrongCaFile, '--report-dir', dir]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.ok(run.ms < WITHIN_MS);
    assert.match(run.stderr, /certificate is not trusted .*--ca-file ca\.pem .*--insecure/);
    assert.equal(readSummary(dir).verdict, 'error');
  });

  it('--insecure: passes, with the warning at the top of every report', async () => {
    const dir = tempDir();
    const run = await runCli([
      'verify',
      '--only',
      'conformance',
      '--base-url',
      server.url,
      '--insecure',
      '--report-dir',
      dir,
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(readSummary(dir).notes.join('\n'), /TLS verification is off \(--insecure\)/);
    assert.match(readFileSync(join(dir, 'report.html'), 'utf8'), /TLS verification is off/);
    assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /TLS verification is off/);
  });

  it('http:// to the TLS port, and https:// to a plain port: exit 2, naming the scheme', async () => {
    const plain = await startServer();
    try {
      const toTls = await runCli([
        'verify',
        '--base-url',
        server.url.replace('https:', 'http:'),
        '--report-dir',
        tempDir(),
        '--timeout',
        '3000',
      ]);
      assert.equal(toTls.code, 2, toTls.stderr);
      assert.match(toTls.stderr, /closed the connection without an HTTP answer|did not answer|right scheme/);
      const toPlain = await runCli([
        'verify',
        '--base-url',
        plain.url.replace('http:', 'https:'),
        '--report-dir',
        tempDir(),
      ]);
      assert.equal(toPlain.code, 2, toPlain.stderr);
      assert.match(toPlain.stderr, /does not speak TLS on that port .*use http:\/\//);
    } finally {
      await plain.stop();
    }
  });

  it('a raw probe over TLS is seen failing on a server that answers malformed input with 500', async () => {
    const broken = await startServer({ tls: { cert: tls.pem.serverCert, key: tls.pem.serverKey } });
    broken.server.removeAllListeners('clientError');
    broken.server.on('clientError', (_error, socket: Socket) =>
      socket.end('HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'),
    );
    try {
      const dir = tempDir();
      const run = await runCli([
        'verify',
        '--only',
        'conformance',
        '--base-url',
        broken.url,
        '--ca-file',
        tls.caFile,
        '--report-dir',
        dir,
      ]);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      const robust = byId(dir, 'ROBUST-01');
      assert.equal(robust.status, 'fail');
      assert.match(robust.evidence.join('\n'), /FAILED: bogus chunked encoding → 500/);
    } finally {
      await broken.stop();
    }
  });
});

describe('HTTPS targets that require a client certificate (mutual TLS)', function () {
  this.timeout(120_000);
  let tls: TlsFixtures;
  let server: Running;
  before(async () => {
    tls = makeTlsFixtures();
    const { serverCert: cert, serverKey: key, ca } = tls.pem;
    server = await startServer({ tls: { cert, key, ca, requestCert: true, rejectUnauthorized: true } });
  });
  after(() => server.stop());

  it('without --cert: exit 2, naming --cert and --key', async () => {
    const run = await runCli(['verify', '--base-url', server.url, '--ca-file', tls.caFile, '--report-dir', tempDir()]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /client certificate .*--cert client\.pem --key client\.key/);
  });

  it('--cert/--key: conformance passes; the contract layer cannot present one (inconclusive, exit 3)', async () => {
    const dir = tempDir();
    const args = ['--ca-file', tls.caFile, '--cert', tls.clientCertFile, '--key', tls.clientKeyFile];
    const run = await runCli([
      'verify',
      '--only',
      'conformance,contract',
      '--base-url',
      server.url,
      ...args,
      '--report-dir',
      dir,
    ]);
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.equal(byId(dir, 'TOKEN-01').status, 'pass');
    assert.equal(byId(dir, 'PACT-01').status, 'inconclusive');
    assert.match(byId(dir, 'PACT-01').evidence.join('\n'), /cannot present a client certificate/);
  });

  it('with --cert/--key: the load layer presents the client certificate, with both engines', async () => {
    for (const engine of ['node', ...(findK6() ? ['k6'] : [])]) {
      const dir = tempDir();
      const args = ['--ca-file', tls.caFile, '--cert', tls.clientCertFile, '--key', tls.clientKeyFile];
      const load = ['--only', 'load', '--engine', engine, '--duration', '3'];
      const run = await runCli(['verify', '--base-url', server.url, ...args, ...load, '--report-dir', dir]);
      assert.notEqual(run.code, 2, `${engine}: ${run.stdout}${run.stderr}`);
      const summary = readSummary(dir);
      assert.equal(summary.load?.engine, engine);
      assert.ok(Number(summary.load?.requests) > 50, `${engine}: ${String(summary.load?.requests)} requests`);
      assert.equal(Number(summary.load?.errors), 0, `${engine}: unexpected answers`);
    }
  });
});
