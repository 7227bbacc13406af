// report.html's capacity search: the capacity found, the ramp on one chart (offered against achieved, and
// latency per endpoint, over the offered rate) and the steps.
import assert from 'node:assert/strict';
import { capacitySection } from './capacity.ts';

const step = (rate: number, achieved: number, held: boolean) => ({
  rate,
  achieved_flows_per_s: achieved,
  held,
  broke: held ? [] : ['LOAD-02', 'offered rate not achieved'],
  endpoints: {
    token: { p50_ms: 10 * rate, p95_ms: 20 * rate, achieved_rps: achieved },
    refresh: { p50_ms: rate, p95_ms: 2 * rate, achieved_rps: 5 * achieved },
  },
});

describe('capacitySection', () => {
  it('shows the capacity, one chart of the ramp with both panels, and a row per step', () => {
    const html = capacitySection({
      capacity: {
        capacity_flows_per_s: 10,
        summary: 'capacity: 10 flows/s (60 requests/s answered); first broke: LOAD-02 at 15 flows/s',
        steps: [step(5, 5, true), step(10, 10, true), step(15, 11, false)],
      },
    });
    assert.match(html, /Capacity: 10 flows\/s\.<\/strong> capacity: 10 flows\/s/);
    assert.equal(html.match(/data-chart="capacity"/g)?.length, 1);
    for (const panel of ['capacity-rates', 'capacity-latency']) assert.match(html, new RegExp(`data-chart="${panel}"`));
    assert.match(html, /achieved flows\/s[\s\S]*token p95[\s\S]*refresh p95/);
    assert.match(html, /offered rate \(flow starts per second\)/);
    assert.match(
      html,
      /<td class="num">15<\/td><td class="num">11<\/td>[\s\S]*?broke: LOAD-02, offered rate not achieved/,
    );
  });

  it('renders nothing without a capacity search', () => {
    assert.equal(capacitySection({}), '');
  });
});
