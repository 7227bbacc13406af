// ROBUST-01 and ROBUST-02 share one pass over the hostile cases.
import { Evidence, summary, type Check } from '../../check.ts';
import type { Probe } from '../../probe.ts';
import { hostileCases, type HostileCase } from './cases.ts';

interface Seen {
  what: string;
  status: number;
  line: string;
  token: boolean;
}

const runs = new WeakMap<Probe, Promise<Seen[]>>();

function observe(probe: Probe): Promise<Seen[]> {
  let run = runs.get(probe);
  if (!run) {
    run = (async () => {
      const seen: Seen[] = [];
      for (const c of hostileCases(probe.target.credentials)) seen.push(await send(probe, c));
      return seen;
    })();
    runs.set(probe, run);
  }
  return run;
}

async function send(probe: Probe, c: HostileCase): Promise<Seen> {
  if (c.raw !== undefined) {
    const text = await probe.raw(c.raw);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
    const token = /"(token|refreshToken|access_token|refresh_token)"\s*:\s*"[^"]/.test(text);
    return { what: c.what, status, token, line: status ? `${status}` : 'connection closed without an answer' };
  }
  const headers: Record<string, string> =
    c.contentType === null ? {} : { 'content-type': c.contentType ?? 'application/x-www-form-urlencoded' };
  // fetch labels a string body text/plain; bytes go out with no Content-Type at all.
  const body = c.contentType === null ? new Uint8Array(Buffer.from(c.body ?? '')) : (c.body ?? '');
  const init = c.method === 'GET' ? { headers } : { headers, body };
  const ex = await probe.request(c.method ?? 'POST', c.path ?? '/v1/token', init);
  return { what: c.what, status: ex.status, token: ex.issued !== undefined, line: summary(ex) };
}

export const noServerErrors: Check = {
  id: 'ROBUST-01',
  title: 'Malformed or hostile input never causes a 5xx',
  level: 'MUST',
  source: 'suite: robustness (RFC 9110 §15.5: client errors are 4xx)',
  async run(probe) {
    const e = new Evidence();
    for (const s of await observe(probe)) e.expect(s.status < 500, `${s.what} → ${s.line}`);
    return e.done();
  },
};

export const noTokensForHostileInput: Check = {
  id: 'ROBUST-02',
  title: 'Malformed or hostile input never yields a token',
  level: 'MUST',
  source: 'RFC 6749 §3.2, §5.2; OWASP ASVS 5.1',
  async run(probe) {
    const e = new Evidence();
    for (const s of await observe(probe)) e.expect(!s.token, `${s.what} → ${s.line}${s.token ? ' WITH A TOKEN' : ''}`);
    return e.done();
  },
};
