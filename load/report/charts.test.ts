// report.html's load charts: self-contained inline SVG of throughput and latency over time.
import assert from 'node:assert/strict';
import { renderLoadCharts } from './charts.ts';

const point = (t: number) => ({
  t,
  requests: 100 + t,
  errors: t % 2,
  latency_ms: { p50: 1, p95: 5 + t, p99: 9 + t, max: 20, mean: 2 },
});

describe('renderLoadCharts', () => {
  it('draws throughput and p50/p95/p99 latency over time as inline SVG without external assets', () => {
    const html = renderLoadCharts({ series: [point(0), point(1), point(2)] });
    assert.equal(html.match(/<svg /g)?.length, 2);
    assert.equal(html.match(/<polyline /g)?.length, 5);
    for (const label of ['Throughput over time', 'Latency percentiles over time', 'p95', 'requests/s'])
      assert.ok(html.includes(label), label);
    assert.doesNotMatch(html, /<script|<link|src=|href=/);
  });

  it('leaves out the last, partial second of the run (it would look like a collapse)', () => {
    const html = renderLoadCharts({ duration_s: 2.04, series: [point(0), point(1), { ...point(2), requests: 3 }] });
    const throughput = /<polyline [^>]*points="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.equal(throughput.split(' ').length, 2);
  });

  it('says so when there is no time series', () => {
    assert.match(renderLoadCharts({}), /No per-second time series/);
  });
});
