// The `k6/http` module over real HTTP: synchronous like k6's, batches sent concurrently.
import { createSyncCall } from '../sync-call.ts';
import type { WireRequest, WireResponse } from '../http-worker.ts';
import { emit } from './state.ts';

interface Params {
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  responseCallback?: ExpectedStatuses;
  timeout?: string | number;
}
interface ExpectedStatuses {
  statuses: number[];
}
type Body = string | Record<string, string> | null | undefined;
type BatchRequest = [string, string, Body?, Params?] | { method: string; url: string; body?: Body; params?: Params };

let defaultCallback: ExpectedStatuses | null = null;
let transport: ((requests: WireRequest[]) => WireResponse[]) | undefined;

function send(requests: WireRequest[]): WireResponse[] {
  transport ??= createSyncCall<WireRequest[], WireResponse[]>(new URL('../http-worker.ts', import.meta.url));
  return transport(requests);
}

function encode(body: Body, headers: Record<string, string>): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return body;
  headers['content-type'] ??= 'application/x-www-form-urlencoded';
  return Object.entries(body)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

function timeoutMs(timeout: Params['timeout']): number {
  if (typeof timeout === 'number') return timeout;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(timeout ?? '60s');
  return match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'] : 60_000;
}

function run(list: { method: string; url: string; body: Body; params: Params }[]) {
  const wire = list.map(({ method, url, body, params }) => {
    const headers = { ...(params.headers ?? {}) };
    return { method, url, body: encode(body, headers), headers, timeoutMs: timeoutMs(params.timeout) };
  });
  return send(wire).map((answer, i) => {
    const { method, url, params } = list[i]!;
    const callback = params.responseCallback ?? defaultCallback;
    const expected = callback ? callback.statuses.includes(answer.status) : answer.status >= 200 && answer.status < 400;
    const tags = {
      method,
      url,
      name: url,
      status: String(answer.status),
      expected_response: String(expected),
      ...(params.tags ?? {}),
    };
    emit('http_reqs', 'counter', 1, tags);
    emit('http_req_duration', 'trend', answer.durationMs, tags);
    emit('http_req_failed', 'rate', expected ? 0 : 1, tags);
    return response(answer, method, url);
  });
}

function response(answer: WireResponse, method: string, url: string) {
  return {
    status: answer.status,
    body: answer.body,
    headers: answer.headers,
    url,
    error: answer.error,
    error_code: answer.error ? 1000 : 0,
    timings: { duration: answer.durationMs, waiting: answer.durationMs },
    request: { method, url },
    json: (selector?: string) => (selector ? undefined : JSON.parse(answer.body)),
  };
}

export function request(method: string, url: string, body?: Body, params: Params = {}) {
  return run([{ method, url, body, params }])[0]!;
}
export const get = (url: string, params?: Params) => request('GET', url, null, params);
export const post = (url: string, body?: Body, params?: Params) => request('POST', url, body, params);
export const put = (url: string, body?: Body, params?: Params) => request('PUT', url, body, params);
export const del = (url: string, body?: Body, params?: Params) => request('DELETE', url, body, params);

export function batch(requests: BatchRequest[]) {
  return run(
    requests.map((r) =>
      Array.isArray(r)
        ? { method: r[0], url: r[1], body: r[2], params: r[3] ?? {} }
        : { method: r.method, url: r.url, body: r.body, params: r.params ?? {} },
    ),
  );
}

export function expectedStatuses(...statuses: (number | { min: number; max: number })[]): ExpectedStatuses {
  const list: number[] = [];
  for (const s of statuses)
    if (typeof s === 'number') list.push(s);
    else for (let n = s.min; n <= s.max; n += 1) list.push(n);
  return { statuses: list };
}

export function setResponseCallback(callback: ExpectedStatuses | null): void {
  defaultCallback = callback;
}

export default { request, get, post, put, del, batch, expectedStatuses, setResponseCallback };
