// Whether an answer is throttling, and how long it asks the client to wait. RFC 6585 §4: 429 Too Many
// Requests, with an optional Retry-After; RFC 9110 §10.2.3: Retry-After is delta-seconds or an HTTP-date,
// and with 503 it says how long the service is expected to be unavailable. A 503 without Retry-After says
// nothing of the kind: it stays the server's answer (an error), never throttling.

import { retryAfterMs } from './retry-after-value.ts';

export interface Throttling {
  status: number;
  /** The Retry-After header as sent, when there was one. */
  retryAfter?: string;
  /** Milliseconds the answer asks to wait; undefined when it did not say (or said it unreadably). */
  waitMs?: number;
}

/** The throttling an answer signals, or undefined when it is an answer to judge. */
export function throttlingOf(status: number, headers: Pick<Headers, 'get'>, now = Date.now()): Throttling | undefined {
  if (status !== 429 && status !== 503) return undefined;
  const retryAfter = headers.get('retry-after')?.trim() || undefined;
  if (status === 503 && retryAfter === undefined) return undefined;
  const waitMs = retryAfter === undefined ? undefined : retryAfterMs(retryAfter, headers.get('date'), now);
  return { status, ...(retryAfter === undefined ? {} : { retryAfter }), ...(waitMs === undefined ? {} : { waitMs }) };
}

/** The Retry-After header of a raw HTTP answer (status line and headers as text). */
export function rawHeaders(text: string): Headers {
  const headers = new Headers();
  const head = text.split('\r\n\r\n', 1)[0] ?? '';
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // a header Headers refuses is dropped
    }
  }
  return headers;
}
