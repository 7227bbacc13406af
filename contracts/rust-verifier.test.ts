// An independent implementation of Pact: the official pact CLI's Rust verifier replays the committed
// contract against `token-suite serve --provider-states`, states set through its state-change URL.
import assert from 'node:assert/strict';
import { startServe, type Served } from '../testing/cli.ts';
import { expiresInAsString, startBrokenServer } from '../testing/broken-server.ts';
import { rustVerify } from './rust-verifier.ts';

describe('contract: the Rust pact verifier (pact-cli) against token-suite serve --provider-states', () => {
  let served: Served;
  before(async () => (served = await startServe(['--provider-states', '--scrypt-cost', '1024'])));
  after(() => served.stop());

  it('passes every interaction of the committed contract', async () => {
    const { code, output } = await rustVerify(served.url);
    assert.equal(code, 0, output);
    assert.match(output, /a refresh with a live refresh token/);
    assert.doesNotMatch(output, /FAILED/);
  });

  it('fails a server that answers expiresIn as a string', async () => {
    const broken = await startBrokenServer(served.url, expiresInAsString);
    try {
      const { code, output } = await rustVerify(broken.url);
      assert.notEqual(code, 0);
      assert.match(output, /\$\.expiresIn.*to be an integer/);
      assert.match(output, /There were 2 pact failures/);
    } finally {
      await broken.stop();
    }
  });
});
