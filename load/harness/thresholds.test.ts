// The harness evaluates k6 threshold expressions as k6 does.
import assert from 'node:assert/strict';
import { percentile, summarize } from './aggregate.ts';
import { parseMetricKey, parseThreshold } from './thresholds.ts';

describe('harness thresholds', () => {
  it('parses aggregations, operators and submetric tag filters', () => {
    assert.deepEqual(parseThreshold('p(95)<500'), { aggregation: 'p(95)', operator: '<', bound: 500 });
    assert.deepEqual(parseThreshold('count==0'), { aggregation: 'count', operator: '==', bound: 0 });
    assert.deepEqual(parseMetricKey('http_req_duration{endpoint:token,expect:pair}'), {
      metric: 'http_req_duration',
      tags: { endpoint: 'token', expect: 'pair' },
    });
    assert.throws(() => parseThreshold('p95 < 500'));
  });

  it('interpolates percentiles between closest ranks', () => {
    assert.equal(percentile([1, 2, 3, 4, 5], 50), 3);
    assert.equal(percentile([0, 10], 95), 9.5);
  });

  it('fails a count==0 threshold once a violation is counted, and evaluates submetrics on their tags only', () => {
    const sample = (metric: string, type: 'counter' | 'trend', value: number, tags = {}) => ({
      metric,
      type,
      value,
      tags,
      time: 0,
    });
    const data = summarize(
      [
        sample('rotation_replay_accepted', 'counter', 0),
        sample('rotation_replay_accepted', 'counter', 1),
        sample('http_req_duration', 'trend', 900, { endpoint: 'token' }),
        sample('http_req_duration', 'trend', 5, { endpoint: 'refresh' }),
      ],
      { rotation_replay_accepted: ['count==0'], 'http_req_duration{endpoint:refresh}': ['p(95)<10'] },
      1000,
    );
    assert.deepEqual(data.metrics.rotation_replay_accepted!.thresholds, { 'count==0': { ok: false } });
    assert.deepEqual(data.metrics['http_req_duration{endpoint:refresh}']!.thresholds, { 'p(95)<10': { ok: true } });
  });
});
