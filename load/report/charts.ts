// renderLoadCharts: throughput and latency percentiles over time as inline SVG, for report.html.
// Self-contained: no scripts, no external assets.
import type { SecondPoint } from '../engine/recorder.ts';

interface Line {
  label: string;
  color: string;
  values: number[];
}
const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= value) as number;
}

export function lineChart(title: string, unit: string, seconds: number[], lines: Line[]): string {
  const max = niceMax(Math.max(0, ...lines.flatMap((l) => l.values)));
  const span = Math.max(1, (seconds[seconds.length - 1] ?? 0) - (seconds[0] ?? 0));
  const x = (t: number) => PAD.left + ((t - (seconds[0] ?? 0)) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (f) =>
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(max * f)}" y2="${y(max * f)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y(max * f) + 4}" text-anchor="end">${Math.round(max * f * 100) / 100}</text>`,
  );
  const paths = lines.map(
    (l) =>
      `<polyline fill="none" stroke="${l.color}" stroke-width="1.5" points="${l.values.map((v, i) => `${x(seconds[i] ?? i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"><title>${escape(l.label)}</title></polyline>`,
  );
  const legend = lines.map(
    (l, i) => `<text x="${PAD.left + 8 + i * 110}" y="${PAD.top + 10}" fill="${l.color}">■ ${escape(l.label)}</text>`,
  );
  return [
    `<figure class="load-chart"><figcaption>${escape(title)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11" role="img" aria-label="${escape(title)}">`,
    ...grid,
    ...paths,
    ...legend,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 4}" text-anchor="middle">seconds (${escape(unit)})</text>`,
    '</svg></figure>',
  ].join('\n');
}

/** Charts of a load report's `series` (whole seconds only: a last, partial second would look like a collapse). */
export function renderLoadCharts(
  load: { series?: SecondPoint[]; duration_s?: number } | Record<string, unknown>,
): string {
  const whole = Math.floor(Number(load.duration_s ?? Infinity));
  const series = ((Array.isArray(load.series) ? load.series : []) as SecondPoint[]).filter(
    (p) => !(whole >= 1 && p.t >= whole),
  );
  if (series.length === 0)
    return '<section class="load-charts"><p>No per-second time series was recorded for this run.</p></section>';
  const seconds = series.map((p) => p.t);
  return [
    '<section class="load-charts">',
    lineChart('Throughput over time', 'requests per second', seconds, [
      { label: 'requests/s', color: '#1f77b4', values: series.map((p) => p.requests) },
      { label: 'unexpected/s', color: '#d62728', values: series.map((p) => p.errors) },
    ]),
    lineChart('Latency percentiles over time', 'milliseconds', seconds, [
      { label: 'p50', color: '#2ca02c', values: series.map((p) => p.latency_ms.p50) },
      { label: 'p95', color: '#ff7f0e', values: series.map((p) => p.latency_ms.p95) },
      { label: 'p99', color: '#9467bd', values: series.map((p) => p.latency_ms.p99) },
    ]),
    '</section>',
  ].join('\n');
}
