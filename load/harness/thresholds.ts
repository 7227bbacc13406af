// k6 threshold expressions ("p(95)<500", "rate<=0.01", "count==0") evaluated on aggregated values.
export type ThresholdSpec = string | { threshold: string; abortOnFail?: boolean };

const EXPRESSION =
  /^\s*(count|rate|avg|min|max|med|value|p\(\d+(?:\.\d+)?\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

export interface ParsedThreshold {
  aggregation: string;
  operator: string;
  bound: number;
}

export function parseThreshold(expression: string): ParsedThreshold {
  const match = EXPRESSION.exec(expression);
  if (!match) throw new Error(`unsupported threshold expression: ${expression}`);
  return { aggregation: match[1] as string, operator: match[2] as string, bound: Number(match[3]) };
}

export function compare(value: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '!=':
      return value !== bound;
    default:
      return value === bound;
  }
}

export function thresholdExpression(spec: ThresholdSpec): string {
  return typeof spec === 'string' ? spec : spec.threshold;
}

/** "http_req_duration{endpoint:token}" -> the metric and its tag filter. */
export function parseMetricKey(key: string): { metric: string; tags: Record<string, string> } {
  const open = key.indexOf('{');
  if (open < 0) return { metric: key, tags: {} };
  const tags: Record<string, string> = {};
  for (const pair of key.slice(open + 1, key.lastIndexOf('}')).split(',')) {
    const at = pair.indexOf(':');
    if (at > 0) tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { metric: key.slice(0, open), tags };
}
