// report.html's load charts: latency per endpoint with its p95 threshold, throughput, labelled time axes;
// inline SVG without external assets.
import assert from 'node:assert/strict';
import { renderLoadCharts } from './charts.ts';

const latency = (base: number) => ({ p50: base, p95: base * 2, p99: base * 3, max: base * 4, mean: base });
const point = (t: number, endpoints = true) => ({
  t,
  requests: 100 + t,
  errors: t % 2,
  latency_ms: latency(10),
  ...(endpoints
    ? {
        endpoints: {
          token: { requests: 10, errors: 0, latency_ms: latency(200) },
          refresh: { requests: 90 + t, errors: t % 2, latency_ms: latency(1) },
        },
      }
    : {}),
});
const thresholds = { p95TokenMs: 1000, p95RefreshMs: 500 };
const chart = (html: string, id: string) => new RegExp(`data-chart="${id}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
const polylines = (html: string) => [...html.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => m[1]!);

describe('renderLoadCharts', () => {
  const html = renderLoadCharts({ thresholds, series: [point(0), point(1), point(2)] });

  it('draws token and refresh latency apart, p50/p95/p99 each, and throughput', () => {
    for (const id of ['latency-token', 'latency-refresh', 'throughput']) assert.ok(chart(html, id), id);
    assert.equal(polylines(chart(html, 'latency-token')).length, 3);
    assert.equal(polylines(chart(html, 'latency-refresh')).length, 3);
    assert.doesNotMatch(html, /data-chart="latency-all"/);
    assert.doesNotMatch(html, /<script|<link|src=|href=/);
  });

  it('labels the time axis in seconds since the start, and the value axis with its unit', () => {
    const token = chart(html, 'latency-token');
    assert.match(token, /seconds since the start of the load/);
    assert.match(token, /latency \(ms\)/);
    assert.match(chart(html, 'throughput'), /requests per second/);
    for (const tick of ['0', '1', '2', '3']) assert.match(token, new RegExp(`text-anchor="middle">${tick}</text>`));
  });

  it('draws the p95 threshold as a line when near the data, and names it when far above', () => {
    assert.match(chart(html, 'latency-token'), /stroke-dasharray="6 4"[\s\S]*p95 threshold 1,000 ms/);
    const refresh = chart(html, 'latency-refresh');
    assert.doesNotMatch(refresh, /stroke-dasharray="6 4"/);
    assert.match(refresh, /p95 threshold 500 ms: far above this scale/);
  });

  it('never draws a percentile above max (histogram buckets round p99 up)', () => {
    const rounded = { ...point(0), endpoints: undefined, latency_ms: { p50: 1, p95: 5, p99: 9.4, max: 9, mean: 2 } };
    const all = chart(renderLoadCharts({ series: [rounded, { ...rounded, t: 1 }] }), 'latency-all');
    const tips = [...all.matchAll(/<title>(p\d+), 0–1 s: ([\d.]+) ms<\/title>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(tips, [
      ['p50', '1'],
      ['p95', '5'],
      ['p99', '9'],
    ]);
  });

  it('falls back to one latency chart of all requests, saying why, when the engine has no per-endpoint series', () => {
    const fallback = renderLoadCharts({ thresholds, series: [point(0, false), point(1, false)] });
    assert.equal(polylines(chart(fallback, 'latency-all')).length, 3);
    assert.match(fallback, /recorded no per-endpoint time series/);
  });

  it('leaves out the last, partial second of the run (it would look like a collapse)', () => {
    const partial = renderLoadCharts({ duration_s: 2.04, series: [point(0), point(1), { ...point(2), requests: 3 }] });
    const throughput = polylines(chart(partial, 'throughput'))[0] ?? '';
    assert.equal(throughput.split(' ').length, 2);
  });

  it('draws throttled answers (429, 503 with Retry-After) as their own throughput series', () => {
    const throttled = renderLoadCharts({ series: [0, 1, 2].map((t) => ({ ...point(t), throttled: 7 * t })) });
    const lines = polylines(chart(throttled, 'throughput'));
    assert.equal(lines.length, polylines(chart(html, 'throughput')).length + 1);
    assert.match(chart(throttled, 'throughput'), /throttled answers\/s/);
    assert.doesNotMatch(chart(html, 'throughput'), /throttled/, 'an engine that did not count them draws no line');
  });

  it('says so when there is no time series', () => {
    assert.match(renderLoadCharts({}), /No per-second time series/);
  });
});
