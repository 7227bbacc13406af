// The Node engine against an HTTPS target whose certificate comes from a private CA made in the test:
// trusted through `ca`, refused without it (every request fails, naming the certificate problem), let
// through with rejectUnauthorized false (--insecure), SNI from the host name, and mutual TLS.
import assert from 'node:assert/strict';
import { createFakeServer, listenFake, type FakeServer } from '../../testing/fake-token-server.ts';
import { engineSettings } from '../../testing/engine-settings.ts';
import { makeTlsFixtures, type TlsFixtures } from '../../testing/tls-fixtures.ts';
import type { SocketTls } from './http/target.ts';
import { runNodeEngine, type EngineRun } from './engine.ts';

describe('Node engine over TLS', function () {
  this.timeout(60_000);
  let pki: TlsFixtures['pem'];
  let server: FakeServer;
  let mutual: FakeServer;
  let url: string;
  let mutualUrl: string;
  before(async () => {
    pki = makeTlsFixtures().pem;
    server = createFakeServer({}, { key: pki.serverKey, cert: pki.serverCert });
    url = await listenFake(server, 'https', 'localhost');
    mutual = createFakeServer(
      {},
      { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
    );
    mutualUrl = await listenFake(mutual, 'https', 'localhost');
  });
  after(() => {
    for (const s of [server, mutual]) {
      s.close();
      s.closeAllConnections();
    }
  });

  const run = (target: string, tls: SocketTls): Promise<EngineRun> =>
    runNodeEngine(
      engineSettings(
        target,
        { TOKEN_SUITE_LOAD_MIX: 'password:1,chain:1,race:1' },
        { connections: 4, workers: 1, tls, timeoutMs: 2000 },
      ),
      { durationSeconds: 1.5 },
    );
  const failures = (r: EngineRun) => Object.keys(r.failures).join(' | ');

  it('runs every flow over keep-alive TLS, private CA added to the default roots, SNI from the host name', async () => {
    const result = await run(url, { ca: pki.ca });
    const { overall } = result.recorder;
    assert.ok(overall.requests > 20, `${overall.requests} requests`);
    assert.equal(overall.errors, 0, failures(result));
    assert.ok(result.rotation.rotations > 0 && result.rotation.races > 0);
    assert.ok(server.stats.servernames.length > 0 && server.stats.servernames.every((n) => n === 'localhost'));
    assert.ok(
      server.stats.servernames.length <= 4 * 4,
      `${server.stats.servernames.length} TLS connections: kept alive`,
    );
  });

  it('fails every request, naming the certificate problem, when the CA is not trusted (or the wrong one)', async () => {
    for (const tls of [{}, { ca: pki.wrongCa }]) {
      const result = await run(url, tls);
      const { overall } = result.recorder;
      assert.ok(overall.requests > 0 && overall.errors === overall.requests);
      assert.ok(result.connectFailures > 0);
      assert.match(failures(result), /certificate|SELF_SIGNED|UNABLE_TO_VERIFY/i);
    }
  });

  it('lets an untrusted certificate through with rejectUnauthorized false (--insecure)', async () => {
    const result = await run(url, { rejectUnauthorized: false });
    assert.equal(result.recorder.overall.errors, 0, failures(result));
    assert.ok(result.recorder.overall.requests > 20);
  });

  it('presents a client certificate to a target that requires one (mutual TLS), and fails without it', async () => {
    const withCert = await run(mutualUrl, { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey });
    assert.equal(withCert.recorder.overall.errors, 0, failures(withCert));
    assert.ok(withCert.recorder.overall.requests > 20);
    const without = await run(mutualUrl, { ca: pki.ca });
    assert.equal(without.recorder.overall.errors, without.recorder.overall.requests);
  });

  it('fails fast, not by hanging, when TLS meets a plain-HTTP port', async () => {
    const plain = createFakeServer();
    try {
      const target = (await listenFake(plain)).replace('http:', 'https:');
      const result = await run(target, { ca: pki.ca });
      assert.ok(
        result.recorder.overall.requests > 0 && result.recorder.overall.errors === result.recorder.overall.requests,
      );
      assert.doesNotMatch(failures(result), /no answer within/);
    } finally {
      plain.close();
      plain.closeAllConnections();
    }
  });
});
