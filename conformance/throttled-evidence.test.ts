// A 429, or a 503 with Retry-After, is never evidence for or against a requirement (RFC 6585 §4, RFC 9110
// §10.2.3): against a target whose every answer is throttling, and a wait budget that cannot cover it, every
// conformance check ends inconclusive with a sentence naming the throttling and the fix; never pass, never fail.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { runGuards } from '../client/run-guards.ts';
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import { close, listen } from '../servers/reference/index.ts';
import { CONFORMANCE } from './catalog.ts';
import { runCheck } from './layer.ts';
import { Probe } from './probe.ts';

const limiters: [string, Record<string, string>, number, RegExp][] = [
  ['429 + Retry-After: 30', { 'retry-after': '30' }, 429, /\d+× 429, last Retry-After: 30/],
  ['429 without Retry-After', {}, 429, /\d+× 429, no Retry-After/],
  [
    '503 + Retry-After as an HTTP-date',
    { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() },
    503,
    /\d+× 503, last Retry-After: \w{3}, /,
  ],
];

for (const [name, headers, status, seen] of limiters) {
  describe(`conformance checks against a target that only throttles (${name})`, () => {
    let server: Server;
    let baseUrl: string;
    before(async () => {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () =>
          res.writeHead(status, { 'content-type': 'application/json', ...headers }).end('{"error":"slow_down"}'),
        );
      });
      baseUrl = await listen(server);
    });
    after(() => close(server));

    it('every check is inconclusive, naming the throttling and the fix', async () => {
      const target = {
        baseUrl,
        credentials: DOCUMENTED_CREDENTIALS,
        timeoutMs: 2000,
        rotationGraceSeconds: 0,
        embedded: false,
      };
      // A budget of 0.1 s: no Retry-After here fits in it (backoff draws at least 0.25 s).
      const probe = new Probe(target, undefined, 4, runGuards(DOCUMENTED_CREDENTIALS, 0.1));
      try {
        for (const check of CONFORMANCE) {
          if (check.id === 'TOKEN-12') continue; // reads the tokens of the run: none here, inconclusive anyway
          const finding = await runCheck(check, probe);
          const evidence = finding.evidence.join('\n');
          assert.equal(finding.outcome, 'inconclusive', `${check.id}:\n${evidence}`);
          assert.match(evidence, seen, check.id);
          assert.match(evidence, /--throttle-budget .*exempt the test client from the rate limit/, check.id);
        }
      } finally {
        probe.close();
      }
    });
  });
}
