// ROBUST-01 and ROBUST-02 share one pass over the hostile cases: each case's answer, or why there was none. A
// case that hangs is kept as such (a finding); the cases before and after it keep theirs.
import { TransportError } from '../../../client/transport.ts';
import { describeAnswer } from '../../evidence.ts';
import { BreakerOpen, type Probe } from '../../probe.ts';
import { hostileCases, type HostileCase } from './cases.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export interface Seen {
  what: string;
  /** The HTTP status, or undefined when no answer came back. */
  status: number | undefined;
  /** What came back, or why nothing did. */
  line: string;
  token: boolean;
  /** No answer because the request hung: the server's fault for a complete request, not for a raw one. */
  hung: boolean;
  raw: boolean;
  /** Not sent: its endpoint's breaker was open (the failures that opened it are findings of their own). */
  withheld: boolean;
  /**
   * An oversized body whose connection closed without an answer on every one of CLOSED_TRIES tries: RFC 9110
   * §15.5.14 lets a server refuse a body too large that way. One answer on any try is judged instead, so a server
   * that sends a 5xx and closes at once is seen (a closed connection can lose the answer that came before it).
   */
  closed: boolean;
}

export const CLOSED_TRIES = 3;

const TOKEN_IN_TEXT = /"(token|refreshToken|access_token|refresh_token)"\s*:\s*"[^"]/;
const runs = new WeakMap<Probe, Promise<Seen[]>>();

export function observe(probe: Probe): Promise<Seen[]> {
  let run = runs.get(probe);
  if (!run) {
    run = (async () => {
      const seen: Seen[] = [];
      for (const c of hostileCases(probe.target.credentials, probe.ghost)) seen.push(await send(probe, c));
      return seen;
    })();
    runs.set(probe, run);
  }
  return run;
}

async function send(probe: Probe, c: HostileCase): Promise<Seen> {
  let seen = await sendOnce(probe, c);
  for (let tries = 1; c.oversized && seen.closed && tries < CLOSED_TRIES; tries += 1) seen = await sendOnce(probe, c);
  return seen;
}

async function sendOnce(probe: Probe, c: HostileCase): Promise<Seen> {
  const base = { what: c.what, raw: c.raw !== undefined, withheld: false, closed: false };
  try {
    if (c.raw !== undefined) {
      const answer = await probe.raw(c.raw);
      const line = answer.status === undefined ? 'the connection closed without an HTTP answer' : `${answer.status}`;
      return { ...base, status: answer.status, line, token: TOKEN_IN_TEXT.test(answer.text), hung: false };
    }
    const headers: Record<string, string> =
      c.contentType === null ? {} : { 'content-type': c.contentType ?? 'application/x-www-form-urlencoded' };
    const init = c.method === 'GET' ? { headers } : { headers, body: c.body ?? '', closeAllowed: c.oversized };
    const ex = await probe.request(c.method ?? 'POST', c.path ?? PATHS.token, init);
    return { ...base, status: ex.status, token: ex.issued !== undefined, line: describeAnswer(ex), hung: false };
  } catch (error) {
    if (error instanceof BreakerOpen)
      return { ...base, status: undefined, line: error.message, token: false, hung: false, withheld: true };
    if (!(error instanceof TransportError) || error.kind === 'aborted') throw error;
    const closed = c.oversized === true && error.kind === 'reset';
    return { ...base, status: undefined, line: error.detail, token: false, hung: error.kind === 'timeout', closed };
  }
}
