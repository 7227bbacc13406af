// No pass without evidence: every conformance check, given a target whose answers are withheld (the breaker
// is open before it starts), ends inconclusive, never pass, never fail. A check that throws a bug of its own
// is inconclusive too, with the error as evidence.
import assert from 'node:assert/strict';
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import { CONFORMANCE } from './catalog.ts';
import type { Check } from './check.ts';
import { runCheck } from './layer.ts';
import { BreakerOpen, Probe } from './probe.ts';

/** A probe that sends nothing: every request meets an open breaker. */
class WithholdingProbe extends Probe {
  override request(): never {
    throw new BreakerOpen('not sent: evidence withheld by the test');
  }
  override raw(): never {
    throw new BreakerOpen('not sent: evidence withheld by the test');
  }
}

const target = {
  baseUrl: 'http://127.0.0.1:9',
  credentials: DOCUMENTED_CREDENTIALS,
  timeoutMs: 1000,
  rotationGraceSeconds: 0,
  embedded: false,
};

describe('conformance checks without evidence', () => {
  for (const check of CONFORMANCE) {
    it(`${check.id} is inconclusive when its evidence is withheld`, async () => {
      const probe = new WithholdingProbe(target);
      const finding = await runCheck(check, probe);
      probe.close();
      assert.equal(finding.outcome, 'inconclusive', finding.evidence.join('\n'));
      assert.match(finding.evidence.join('\n'), /MISSING: /);
    });
  }

  it('a check that throws a bug of its own is inconclusive, with the error and the evidence from before', async () => {
    const buggy: Check = {
      ...CONFORMANCE[0]!,
      run(_probe, e) {
        e.expect(true, 'first answer seen');
        return Promise.reject(new TypeError('cannot read properties of undefined'));
      },
    };
    const probe = new WithholdingProbe(target);
    const finding = await runCheck(buggy, probe);
    probe.close();
    assert.equal(finding.outcome, 'inconclusive');
    assert.match(
      finding.evidence.join('\n'),
      /ok: first answer seen[\s\S]*the check itself failed \(a suite error, not the server's\): TypeError/,
    );
  });
});
