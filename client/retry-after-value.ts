// Retry-After's value (RFC 9110 §10.2.3), read once for every layer: the conformance client (retry-after.ts,
// over fetch's Headers) and the load flows (load/flows/throttle.ts, which k6 bundles: no Node, no Headers here).

/**
 * Retry-After as milliseconds from now: delay-seconds (digits), or an HTTP-date (a date in the past is 0).
 * A date is read against the answer's own Date header when it has one (so a server clock that is off does
 * not matter), else against `now`. Undefined when unreadable (a negative or fractional number is neither form).
 */
export function retryAfterMs(value: string, dateHeader: string | null = null, now = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const serverNow = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(serverNow) ? now : serverNow));
}
