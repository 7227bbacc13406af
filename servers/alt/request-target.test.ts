// The alt server, too, answers request targets fetch cannot send (sent on a raw socket) with a 4xx, never 500.
import assert from 'node:assert/strict';
import { form, LOGIN } from '../../testing/http.ts';
import { withAlt } from '../../testing/alt-server.ts';
import { rawPost, rawRequest, rawStatus } from '../../testing/raw-request.ts';

const ODD_TARGETS = ['//[', '//:99999/v1/token', 'http://[::1/v1/token', '//a b', '*', 'http://'];

describe('alt server: any request target answers 4xx', () => {
  for (const target of ODD_TARGETS) {
    it(`answers ${JSON.stringify(target)} with a problem+json 4xx`, async () => {
      const answer = await withAlt({}, (base) => rawRequest(base, rawPost(target, form(LOGIN))));
      const status = rawStatus(answer);
      assert.ok(status >= 400 && status < 500, `status ${status}: ${answer.slice(0, 200)}`);
      assert.match(answer, /application\/problem\+json/);
    });
  }

  it('still routes a plain target', async () => {
    const answer = await withAlt({}, (base) => rawRequest(base, rawPost('/v1/token', form(LOGIN))));
    assert.equal(rawStatus(answer), 200);
  });
});
