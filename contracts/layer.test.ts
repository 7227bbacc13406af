// PACT-01 in the verdict: pass on the reference server, fail with evidence on a broken one.
import assert from 'node:assert/strict';
import { createAltServer } from '../servers/alt/index.ts';
import { close, listen } from '../servers/reference/index.ts';
import { startServer, type Running } from '../testing/reference-server.ts';
import type { LayerContext, Target } from '../verdict/types.ts';
import { expiresInAsString, startBrokenServer } from '../testing/broken-server.ts';
import { DOCUMENTED_CREDENTIALS } from './examples.ts';
import { contractLayer } from './layer.ts';
import { startFault } from '../testing/fault-servers.ts';

function contextFor(target: Partial<Target> & { baseUrl: string }, lines: string[] = []): LayerContext {
  return {
    target: {
      credentials: DOCUMENTED_CREDENTIALS,
      timeoutMs: 5000,
      rotationGraceSeconds: 0,
      embedded: false,
      ...target,
    },
    reportDir: '.tmp/reports',
    durationSeconds: 1,
    engine: 'node',
    log: (line) => lines.push(line),
    signal: new AbortController().signal,
  };
}

describe('contract layer: PACT-01 in the verdict', () => {
  let reference: Running;
  before(async () => (reference = await startServer({ providerStates: true })));
  after(() => reference.stop());

  it(
    'PACT-01 (2 success interactions) and PACT-02 (5 error interactions) pass on the embedded reference server, ' +
      'states met by seeding',
    async () => {
      const lines: string[] = [];
      const [requirement, errors] = (
        await contractLayer.run(contextFor({ baseUrl: reference.url, embedded: true }, lines))
      ).requirements;
      assert.equal(requirement?.id, 'PACT-01');
      assert.equal(requirement.status, 'pass', requirement.evidence.join('\n'));
      assert.equal(requirement.source, 'contracts/pacts/token-client-echon-token-api.json');
      assert.equal(requirement.evidence.filter((line) => line.startsWith('PASS ')).length, 2);
      assert.deepEqual([errors?.id, errors?.level, errors?.status], ['PACT-02', 'SHOULD', 'pass']);
      assert.equal(errors!.evidence.filter((line) => line.startsWith('PASS ')).length, 5);
      assert.ok(requirement.evidence.includes('provider states met by seeding through /_pact/provider-states'));
      assert.match(lines.join('\n'), /provider states: seeded/);
    },
  );

  it('PACT-01 fails on a third-party target breaking the contract, and says which states were met live', async () => {
    const broken = await startBrokenServer(reference.url, expiresInAsString);
    try {
      const [requirement] = (await contractLayer.run(contextFor({ baseUrl: broken.url }))).requirements;
      assert.equal(requirement?.status, 'fail');
      const evidence = requirement.evidence.join('\n');
      assert.match(evidence, /FAIL a password grant with valid credentials: \$\.expiresIn/);
      assert.match(
        evidence,
        /state "refresh token \{refreshToken\} was issued to \{username\}" met by a live refresh token/,
      );
      assert.doesNotMatch(evidence, /seeding/);
    } finally {
      await broken.stop();
    }
  });

  it('PACT-01 passes, PACT-02 only warns on a correct server with another error style (the alt server)', async () => {
    const alt = createAltServer({});
    const url = await listen(alt);
    try {
      const [must, should] = (await contractLayer.run(contextFor({ baseUrl: url }))).requirements;
      assert.equal(must?.status, 'pass', must?.evidence.join('\n'));
      assert.equal(should?.status, 'warn');
      assert.match(
        should.evidence.join('\n'),
        /FAIL a password grant with a wrong password: .*expected 400 but was 401/,
      );
    } finally {
      await close(alt);
    }
  });

  it('PACT-01 is inconclusive, not run, when the run was interrupted before it started', async () => {
    const controller = new AbortController();
    controller.abort();
    const [requirement] = (
      await contractLayer.run({ ...contextFor({ baseUrl: reference.url }), signal: controller.signal })
    ).requirements;
    assert.equal(requirement?.status, 'inconclusive');
  });
});

describe('contract layer: an unknown client answered 400 invalid_client', () => {
  it('passes PACT-02: the real verifier sees 400 where the contract says 401, the judgement accepts it', async () => {
    const server = await startFault('unknown-client-400');
    try {
      const [, errors] = (await contractLayer.run(contextFor({ baseUrl: server.url }))).requirements;
      assert.equal(errors?.status, 'pass', errors?.evidence.join('\n'));
      assert.match(errors.evidence.join('\n'), /PASS a password grant for an unknown client: 400 invalid_client/);
    } finally {
      await server.stop();
    }
  });
});
