// report.html's load section: the engine and load model named, the figures in plain tables, and fields
// it does not know (client saturation, added by newer engines) shown as they are, never dropped.
import assert from 'node:assert/strict';
import { renderLoadSection } from './section.ts';

const latency = (p50: number, p95: number) => ({ p50, p95, p99: p95 * 1.2, max: p95 * 2, mean: p50 });
const load = {
  engine: 'node',
  duration_s: 10.02,
  connections: 8,
  rps: 321.5,
  requests: 3215,
  errors: 4,
  latency_ms: latency(0.4, 190),
  endpoints: {
    token: { requests: 500, errors: 0, rps: 50, latency_ms: latency(180, 1200) },
    refresh: { requests: 2715, errors: 4, rps: 271.5, latency_ms: latency(0.3, 3) },
  },
  rotation: {
    rotations: 1000,
    replays: 200,
    races: 30,
    accepted_in_grace: 0,
    violations: { replay_accepted: 2, race_double_win: 0 },
  },
  checks: { 'a replayed refresh token is rejected': { passes: 198, fails: 2 } },
  thresholds: {
    p95TokenMs: 1000,
    p95RefreshMs: 500,
    maxErrorRate: 0.01,
    degradationFactor: 1.5,
    degradationSlackMs: 5,
  },
  degradation: { first_p95_ms: 180, last_p95_ms: 200, ratio: 1.11, first_rps: 320, last_rps: 318, rps_ratio: 0.99 },
  series: [],
};
const visible = (html: string) => html.replace(/<details>[\s\S]*?<\/details>/g, '');
const row = (html: string, label: string) =>
  new RegExp(`<tr><th scope="row">${label}</th>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

describe('renderLoadSection', () => {
  const html = visible(renderLoadSection(load));

  it('names the engine, the connections and the duration; says when the load model is not recorded', () => {
    assert.match(html, /Engine:<\/strong> Node engine · 8 connections · 10 s of load/);
    assert.match(html, /Load model:<\/strong> not recorded by this engine/);
    assert.match(html, /last third's median window p95 and p50/);
    assert.doesNotMatch(html, /fifth/);
  });

  it('shows rps, errors and p50/p95/p99/max per endpoint, marking a p95 over its threshold', () => {
    const token = row(html, 'POST /v1/token');
    for (const cell of ['500', '50', '180 ms', '1,200 ms', '1,440 ms', '2,400 ms', '≤ 1,000 ms ✗ over'])
      assert.ok(token.includes(cell), cell);
    assert.match(row(html, 'POST /v1/refresh/token'), /≤ 500 ms ✓/);
    assert.match(row(html, 'all requests'), /3,215[\s\S]*322[\s\S]*class="num bad">4</);
  });

  it('shows the rotation counters, violations marked, and the failed checks', () => {
    assert.match(row(html, 'violation: replay accepted'), /class="num bad">2</);
    assert.match(row(html, 'rotations'), />1,000</);
    assert.match(row(html, 'a replayed refresh token is rejected'), />198<[\s\S]*class="num bad">2</);
  });

  it('says in words the load model, overload, the client, the abandoned requests; names unknown fields only', () => {
    const newer = renderLoadSection({
      ...load,
      model: { kind: 'open', rate: 50, description: 'open model: 50 flow starts/s on a fixed schedule' },
      overload: {
        overloaded: true,
        summary: 'overloaded: 50 flows/s offered, 20 achieved (40%)',
        from_s: 3,
        to_s: 9.75,
        endpoints: { token: { offered_rps: 50, achieved_rps: 20 }, refresh: { offered_rps: 250, achieved_rps: 100 } },
      },
      client: {
        workers: 1,
        cores: 2,
        thread_busy: [0.5],
        event_loop_delay_ms: { p99: 12 },
        reasons: ['a reason long enough to wrap '.repeat(20)],
      },
      abandoned: 64,
      uniqueness: { checked: 1000, capacity: 2097152, memoryBytes: 33554432 },
      workers: 2,
    });
    assert.match(newer, /Load model:<\/strong> open model: 50 flow starts\/s on a fixed schedule/);
    assert.match(newer, /Overloaded:<\/strong> overloaded: 50 flows\/s offered, 20 achieved/);
    assert.match(newer, /<th scope="row">refresh<\/th><td class="num">250<\/td><td class="num">100</);
    assert.match(newer, /It was a limit of this run:<\/p><ul class="client-reasons"><li>a reason/);
    assert.match(newer, /64 requests were still waiting for their answer when the load stopped: they are neither/);
    assert.match(newer, /1,000 issued tokens were compared for uniqueness/);
    assert.doesNotMatch(newer, /memoryBytes|Other figures/);
    assert.match(newer, /Also recorded in summary.json's <code>load<\/code>: <code>workers<\/code>/);
  });

  it('renders what is there when fields are missing', () => {
    const bare = renderLoadSection({ engine: 'k6' });
    assert.match(bare, /Engine:<\/strong> k6/);
    assert.match(bare, /No per-second time series/);
    assert.doesNotMatch(bare, /undefined|NaN/);
  });
});
