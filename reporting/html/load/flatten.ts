// Figures of unknown shape (fields an engine added after this renderer was written) as label/value rows:
// nested objects become "a · b" labels, lists of plain values are joined, lists of objects are counted.
import { formatNumber, record } from './view.ts';

export type Row = [label: string, value: string];

const MAX_ROWS = 40;
const label = (key: string) => key.replace(/_/g, ' ');

function valueText(value: unknown): string | undefined {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return '–';
  if (Array.isArray(value))
    return value.every((v) => record(v) === undefined && !Array.isArray(v))
      ? value.map((v) => valueText(v)).join(', ')
      : `${value.length} entries`;
  return undefined;
}

export function flatten(value: unknown, prefix = ''): Row[] {
  const object = record(value);
  if (!object) {
    const text = valueText(value);
    return text === undefined ? [] : [[prefix || 'value', text]];
  }
  const rows: Row[] = [];
  for (const [key, inner] of Object.entries(object)) {
    const name = prefix ? `${prefix} · ${label(key)}` : label(key);
    rows.push(...(record(inner) ? flatten(inner, name) : flatten(inner, name).slice(0, 1)));
    if (rows.length >= MAX_ROWS) break;
  }
  return rows.slice(0, MAX_ROWS);
}

/** A one-line description ("open · rate 50/s") of a small value of unknown shape. */
export function describe(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const rows = flatten(value);
  return rows.length ? rows.map(([k, v]) => `${k} ${v}`).join(' · ') : undefined;
}
