// What a k6 VU may send the collector: an answer without an HTTP response (a timeout, a reset at the end of
// the run) is evidence, sent as duration -1. Refusing it threw the whole batch away (its tokens uncompared,
// LOAD-05 inconclusive on correct servers whenever one request of the run got no answer).
import assert from 'node:assert/strict';
import { TALLIES, VIOLATIONS } from '../../flows/rotation.ts';
import { parseBatch } from './parse.ts';

const batch = (answers: number[][]) =>
  JSON.stringify({
    run: 'token-suite',
    runner: '0:1',
    nonce: 'n1',
    vu: 1,
    digests: [],
    answers,
    tallies: TALLIES.map(() => 0),
    violations: VIOLATIONS.map(() => 0),
    checks: [],
  });

describe('collector batches', () => {
  it('take an unanswered request (duration -1) as evidence, and refuse other negative durations', () => {
    const at = Date.now();
    assert.equal(parseBatch(batch([[0, at, -1, 0]])).ok, true, 'a request with no answer');
    assert.equal(parseBatch(batch([[1, at, 12.5, 1]])).ok, true, 'an answered one');
    assert.equal(parseBatch(batch([[0, at, -5, 0]])).ok, false);
  });
});
