// Provider side: the committed contract replayed by pact-js's Verifier against live servers.
import assert from 'node:assert/strict';
import { startServer, type Running } from '../testing/reference-server.ts';
import { expiresInAsString, startBrokenServer } from '../testing/broken-server.ts';
import { STATES } from './states.ts';
import { verifyPact } from './pact-verifier-child.ts';

const failures = (report: Awaited<ReturnType<typeof verifyPact>>) =>
  report.interactions.filter((i) => !i.ok).map((i) => `${i.description}: ${i.mismatches.join('; ')}`);

describe('contract: provider verification with pact-js', () => {
  let seeded: Running;
  let thirdParty: Running;
  const otherCredentials = {
    clientId: '3d0c8a1e-2b7f-4c55-9e61-5a4f7b2c9d10',
    username: 'alice@example.test',
    password: 'correct horse battery',
  };

  before(async () => {
    seeded = await startServer({ providerStates: true });
    // No state endpoint and none of the contract's example data: only live states can work here.
    thirdParty = await startServer({ seed: { clients: [otherCredentials.clientId], users: [otherCredentials] } });
  });
  after(() => Promise.all([seeded.stop(), thirdParty.stop()]));

  it('the reference server satisfies every interaction, states seeded through /_pact/provider-states', async () => {
    const report = await verifyPact({ baseUrl: seeded.url, states: 'seeded' });
    assert.deepEqual(failures(report), []);
    assert.equal(report.error, undefined);
    assert.equal(report.interactions.length, 7);
    assert.deepEqual(report.metLive, []);
    assert.deepEqual(report.stateFailures, []);
  });

  it('a target that cannot be seeded satisfies every interaction, states met by credentials, live tokens', async () => {
    const report = await verifyPact({ baseUrl: thirdParty.url, states: 'live', credentials: otherCredentials });
    assert.deepEqual(failures(report), []);
    assert.ok(report.ok);
    assert.deepEqual(report.metLive.map(([state]) => state).sort(), Object.values(STATES).sort());
    assert.deepEqual(report.stateFailures, []);
  });

  it('says which live states could not be met when the target rejects the configured credentials', async () => {
    const report = await verifyPact({
      baseUrl: thirdParty.url,
      states: 'live',
      credentials: { ...otherCredentials, password: 'wrong' },
    });
    assert.equal(report.ok, false);
    const unmet = new Map(report.stateFailures);
    assert.deepEqual([...unmet.keys()].sort(), [STATES.refreshIssued, STATES.refreshUsed, STATES.userExists].sort());
    assert.equal(unmet.get(STATES.userExists), 'HTTP 400 invalid_grant');
  });

  it('a server answering expiresIn as a string fails exactly the interactions that issue tokens', async () => {
    const broken = await startBrokenServer(seeded.url, expiresInAsString);
    try {
      const report = await verifyPact({ baseUrl: broken.url, states: 'seeded' });
      assert.equal(report.ok, false);
      const failed = report.interactions.filter((i) => !i.ok);
      assert.deepEqual(failed.map((i) => i.description).sort(), [
        'a password grant with valid credentials',
        'a refresh with a live refresh token',
      ]);
      for (const interaction of failed) assert.match(interaction.mismatches.join('\n'), /\$\.expiresIn/);
    } finally {
      await broken.stop();
    }
  });
});
