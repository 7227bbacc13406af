// Request targets fetch cannot send (sent on a raw socket) must get a 4xx, never a 500 and a stack on stderr.
import assert from 'node:assert/strict';
import { rawPost, rawRequest, rawStatus } from '../../testing/raw-request.ts';
import { DOC_LOGIN } from '../../testing/http.ts';
import { startServer, type Running } from '../../testing/reference-server.ts';

const ODD_TARGETS = ['//[', '//:99999/v1/token', 'http://[::1/v1/token', '//a b', '*', 'http://'];

describe('reference server: any request target answers 4xx', () => {
  let ref: Running;
  const unexpected: unknown[] = [];
  before(async () => (ref = await startServer({ onUnexpectedError: (error) => unexpected.push(error) })));
  beforeEach(() => (unexpected.length = 0));
  after(() => ref.stop());

  for (const target of ODD_TARGETS) {
    it(`answers ${JSON.stringify(target)} with a 4xx OAuth error and logs nothing`, async () => {
      const answer = await rawRequest(ref.url, rawPost(target, DOC_LOGIN));
      const status = rawStatus(answer);
      assert.ok(status >= 400 && status < 500, `status ${status}: ${answer.slice(0, 200)}`);
      assert.match(answer, /"error":"(invalid_request|not_found)"/);
      assert.deepEqual(unexpected, []);
    });
  }

  it('still routes a plain target and an absolute-form one', async () => {
    const port = new URL(ref.url).port;
    for (const target of ['/v1/token', `http://127.0.0.1:${port}/v1/token`]) {
      assert.equal(rawStatus(await rawRequest(ref.url, rawPost(target, DOC_LOGIN))), 200, target);
    }
  });
});
