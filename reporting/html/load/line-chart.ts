// One line chart over the seconds of a run as inline SVG: labelled axes, a legend, an optional threshold
// line. Self-contained (no scripts, no external assets); each point's value is in a tooltip (<title>).
import { escapeHtml } from '../escape.ts';
import { formatNumber } from './view.ts';

export interface ChartLine {
  label: string;
  color: string;
  /** One value per second of `seconds`; undefined leaves a gap (nothing measured that second). */
  values: (number | undefined)[];
}
export interface ChartSpec {
  /** Names the chart for readers of the markup (tests, scrapers): `data-chart` on the figure. */
  id: string;
  title: string;
  yTitle: string;
  unit: string;
  /** The second (0, 1, 2, ...) each value belongs to: drawn at its middle. */
  seconds: number[];
  lines: ChartLine[];
  threshold?: { label: string; value: number };
  /** A sentence under the chart. */
  note?: string;
  /** Twice as wide: a whole row of the charts grid. */
  wide?: boolean;
  /** The x axis: how wide a point is (1: a second, 0.25: a 250 ms window; 0: a point at its x) and its title. */
  x?: { width: number; title: string; unit: string };
}

const SECONDS = { width: 1, title: 'seconds since the start of the load', unit: 's' };

const HEIGHT = 280;
const PAD = { left: 64, right: 20, top: 40, bottom: 46 };
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const AXIS = '#57606a';
const THRESHOLD_COLOR = '#cf222e';
/** A threshold further above the data than this is named, not drawn: it would squash the lines flat. */
const THRESHOLD_REACH = 5;

interface Frame {
  width: number;
  right: number;
  bottom: number;
  x: (t: number) => number;
  y: (v: number) => number;
}

/** The smallest of `steps` × 10^k at or above `value`. */
function niceStep(value: number, steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return steps.map((m) => m * magnitude).find((m) => m >= value - 1e-12) ?? 10 * magnitude;
}

function yScale(dataMax: number, threshold?: number) {
  const drawThreshold = threshold !== undefined && dataMax > 0 && threshold <= dataMax * THRESHOLD_REACH;
  const top = Math.max(dataMax, drawThreshold ? threshold : 0) * 1.08 || 1;
  const step = niceStep(top / 5);
  const max = Math.ceil(top / step) * step;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  return { max, ticks, drawThreshold };
}

const text = (x: number, y: number, content: string, attrs = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeHtml(content)}</text>`;
const hline = (f: Frame, y: number, attrs: string) =>
  `<line x1="${PAD.left}" x2="${f.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" ${attrs}/>`;

function axes(f: Frame, span: number, yTicks: number[], xTitle: string): string[] {
  const step = Math.max(1, niceStep(span / (f.width > 800 ? 16 : 8), [1, 2, 5, 10]));
  const xTicks = Array.from({ length: Math.floor(span / step) + 1 }, (_, i) => i * step);
  return [
    ...yTicks.map(
      (v) =>
        hline(f, f.y(v), `stroke="${v === 0 ? AXIS : '#e1e4e8'}"`) +
        text(PAD.left - 6, f.y(v) + 4, formatNumber(v), 'text-anchor="end"'),
    ),
    ...xTicks.map(
      (t) =>
        `<line x1="${f.x(t).toFixed(1)}" x2="${f.x(t).toFixed(1)}" y1="${f.bottom}" y2="${f.bottom + 5}" ` +
        `stroke="${AXIS}"/>` +
        text(f.x(t), f.bottom + 17, String(t), 'text-anchor="middle"'),
    ),
    text((PAD.left + f.right) / 2, HEIGHT - 6, xTitle, `text-anchor="middle" fill="${AXIS}"`),
  ];
}

function thresholdMarks(spec: ChartSpec, f: Frame, drawn: boolean): string[] {
  const t = spec.threshold;
  if (!t) return [];
  const label = `${t.label} ${formatNumber(t.value)} ${spec.unit}`;
  const attrs = `text-anchor="end" fill="${THRESHOLD_COLOR}"`;
  if (!drawn) return [text(f.right - 4, PAD.top + 12, `↑ ${label}: far above this scale`, attrs)];
  return [
    hline(f, f.y(t.value), `stroke="${THRESHOLD_COLOR}" stroke-width="1.5" stroke-dasharray="6 4"`),
    text(f.right - 4, f.y(t.value) - 5, label, attrs),
  ];
}

function legend(spec: ChartSpec, thresholdDrawn: boolean): string[] {
  const items = spec.lines.map((l) => ({ label: l.label, color: l.color, dash: '' }));
  if (thresholdDrawn && spec.threshold)
    items.push({ label: spec.threshold.label, color: THRESHOLD_COLOR, dash: ' stroke-dasharray="5 3"' });
  let x = PAD.left;
  return items.map((item) => {
    const stroke = `stroke="${item.color}" stroke-width="2.5"${item.dash}`;
    const swatch = `<line x1="${x}" x2="${x + 18}" y1="18" y2="18" ${stroke}/>`;
    const label = text(x + 23, 22, item.label, 'fill="#1b1f24"');
    x += 36 + item.label.length * 6.4;
    return swatch + label;
  });
}

/** A polyline per run of measured seconds, and a dot with a tooltip per point (a lone point stays visible). */
function lineMarks(line: ChartLine, spec: ChartSpec, f: Frame): string[] {
  const marks: string[] = [];
  let segment: string[] = [];
  const flush = () => {
    if (segment.length > 1)
      marks.push(`<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${segment.join(' ')}"/>`);
    segment = [];
  };
  line.values.forEach((value, i) => {
    const t = spec.seconds[i] ?? i;
    if (value === undefined) return flush();
    const x = spec.x ?? SECONDS;
    const [cx, cy] = [f.x(t + x.width / 2).toFixed(1), f.y(value).toFixed(1)];
    segment.push(`${cx},${cy}`);
    const at =
      x.width > 0 ? `${formatNumber(t)}–${formatNumber(t + x.width)} ${x.unit}` : `${formatNumber(t)} ${x.unit}`;
    const tip = `${line.label}, ${at}: ${formatNumber(value)} ${spec.unit}`;
    marks.push(`<circle cx="${cx}" cy="${cy}" r="2.6" fill="${line.color}"><title>${escapeHtml(tip)}</title></circle>`);
  });
  flush();
  return marks;
}

export function lineChart(spec: ChartSpec): string {
  const width = spec.wide ? 1220 : 600;
  const x = spec.x ?? SECONDS;
  const span = Math.max(1, ...spec.seconds.map((t) => t + x.width)) * (x.width > 0 ? 1 : 1.05);
  const values = spec.lines.flatMap((l) => l.values.filter((v): v is number => v !== undefined));
  const scale = yScale(Math.max(0, ...values), spec.threshold?.value);
  const right = width - PAD.right;
  const frame: Frame = {
    width,
    right,
    bottom: PAD.top + PLOT_H,
    x: (t) => PAD.left + (t / span) * (right - PAD.left),
    y: (v) => PAD.top + PLOT_H - (v / scale.max) * PLOT_H,
  };
  const yTitle = text(
    -(PAD.top + PLOT_H / 2),
    16,
    spec.yTitle,
    `transform="rotate(-90)" text-anchor="middle" fill="${AXIS}"`,
  );
  return [
    `<figure class="chart${spec.wide ? ' wide' : ''}" data-chart="${escapeHtml(spec.id)}">`,
    `<figcaption>${escapeHtml(spec.title)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT}" font-size="12" role="img" ` +
      `aria-label="${escapeHtml(spec.title)}">`,
    ...axes(frame, span, scale.ticks, x.title),
    yTitle,
    ...thresholdMarks(spec, frame, scale.drawThreshold),
    ...spec.lines.flatMap((line) => lineMarks(line, spec, frame)),
    ...legend(spec, scale.drawThreshold),
    '</svg>',
    spec.note ? `<p class="chart-note">${escapeHtml(spec.note)}</p>` : '',
    '</figure>',
  ].join('\n');
}
