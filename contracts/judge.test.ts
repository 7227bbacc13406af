// PACT-01/PACT-02 judgement: a pass needs every interaction replayed with its state met.
import assert from 'node:assert/strict';
import { judge, markUnmetStates, UNKNOWN_CLIENT } from './judge.ts';
import type { VerificationReport } from './pact-verifier.ts';

const requirement = { id: 'PACT-01', title: 't', level: 'MUST', source: 's', layer: 'contract' } as const;
const report = (extra: Partial<VerificationReport>): VerificationReport => ({
  ok: true,
  interactions: [{ description: 'a', ok: true, mismatches: [] }],
  metLive: [],
  stateFailures: [],
  ...extra,
});

describe('contract judgement', () => {
  it('passes when every interaction was replayed and satisfied', () => {
    assert.equal(judge(requirement, report({}), 1, 'seeded').status, 'pass');
  });

  it('is inconclusive when fewer interactions than the contract holds were replayed', () => {
    const result = judge(requirement, report({ interactions: [] }), 2, 'live');
    assert.equal(result.status, 'inconclusive');
    assert.match(result.evidence.join('\n'), /0 of the contract's 2 interactions were replayed/);
  });

  it('is inconclusive when the verifier could not run or a state could not be met', () => {
    assert.equal(judge(requirement, report({ error: 'boom' }), 1, 'live').status, 'inconclusive');
    assert.equal(judge(requirement, report({ stateFailures: [['s', 'no token']] }), 1, 'live').status, 'inconclusive');
  });

  it('leaves an interaction whose provider state could not be set up unjudged: inconclusive, never a failure', () => {
    const failedWithoutState = report({
      interactions: [{ description: 'a', ok: false, mismatches: ['expected 200 but was 400'] }],
      stateFailures: [['refresh token {refreshToken} was issued to {username}', 'no token']],
    });
    const statesOf = new Map([['a', ['refresh token {refreshToken} was issued to {username}']]]);
    const result = judge(requirement, markUnmetStates(failedWithoutState, statesOf), 1, 'live');
    assert.equal(result.status, 'inconclusive');
    assert.match(result.evidence.join('\n'), /MISSING: a: its provider state .* could not be set up/);
    // The same failure with its state met is the server's.
    assert.equal(
      judge(requirement, markUnmetStates(failedWithoutState, new Map([['a', []]])), 1, 'live').status,
      'fail',
    );
  });

  it('never counts a matching answer to an interaction whose state was not met as a pass', () => {
    const passedWithoutState = report({
      interactions: [{ description: 'a', ok: true, mismatches: [] }],
      stateFailures: [['refresh token {refreshToken} was already used', 'no token']],
    });
    const statesOf = new Map([['a', ['refresh token {refreshToken} was already used']]]);
    const result = judge(requirement, markUnmetStates(passedWithoutState, statesOf), 1, 'live');
    assert.equal(result.status, 'inconclusive');
    assert.doesNotMatch(result.evidence.join('\n'), /PASS a/);
  });

  it('fails a MUST and warns a SHOULD on a failed interaction, whatever else is missing', () => {
    const failed = report({ interactions: [{ description: 'a', ok: false, mismatches: ['x'] }], error: 'boom' });
    assert.equal(judge(requirement, failed, 1, 'live').status, 'fail');
    assert.equal(judge({ ...requirement, level: 'SHOULD' }, failed, 1, 'live').status, 'warn');
  });

  it('accepts 400 where the contract says 401 for an unknown client (RFC 6749 §5.2), and only there', () => {
    const mismatch = {
      ok: false,
      mismatches: ['expected 401 but was 400'],
      statusMismatch: { expected: 401, actual: 400 },
    };
    const unknownClient = report({ interactions: [{ description: UNKNOWN_CLIENT, ...mismatch }] });
    assert.equal(judge(requirement, unknownClient, 1, 'live').status, 'pass');
    const elsewhere = report({ interactions: [{ description: 'a wrong password', ...mismatch }] });
    assert.equal(judge(requirement, elsewhere, 1, 'live').status, 'fail');
  });
});
