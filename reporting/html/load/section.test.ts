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
    assert.match(html, /Engine:<\/strong> Node engine · <strong>load model:<\/strong> not recorded by this engine/);
    assert.match(html, /not recorded by this engine · 8 connections · 10 s of load/);
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

  it('shows client saturation and other fields it does not know, and the load model when recorded', () => {
    const newer = renderLoadSection({
      ...load,
      model: { kind: 'open', rate: 50 },
      client_saturation: { cpu_percent: 97.5, dropped_starts: 12 },
      workers: 2,
    });
    assert.match(newer, /load model:<\/strong> kind open · rate 50/);
    assert.match(
      newer,
      /<caption>Client saturation<\/caption>[\s\S]*client saturation · cpu percent<\/th><td class="num">97.5/,
    );
    assert.match(newer, /dropped starts<\/th><td class="num">12/);
    assert.match(newer, /<caption>Other figures<\/caption>[\s\S]*workers<\/th><td class="num">2/);
  });

  it('renders what is there when fields are missing', () => {
    const bare = renderLoadSection({ engine: 'k6' });
    assert.match(bare, /Engine:<\/strong> k6/);
    assert.match(bare, /No per-second time series/);
    assert.doesNotMatch(bare, /undefined|NaN/);
  });
});
