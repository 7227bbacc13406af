// Runs conformance checks against a small test server on a free loopback port, with one probe for all of them
// (as verify runs a catalog), and always closes the probe and the server.
import type { Server } from 'node:http';
import type { Check, Finding } from '../conformance/check.ts';
import { runCheck } from '../conformance/layer.ts';
import { Probe } from '../conformance/probe.ts';
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import { withServer } from './with-server.ts';

export interface CheckRunOptions {
  /** Each request's deadline (default 5000 ms). */
  timeoutMs?: number;
  rotationGraceSeconds?: number;
  /** Concurrent refreshes of one token in REFRESH-04 (the probe's default when not given). */
  raceSize?: number;
  /** Sent before the first check, on the same probe (earlier logins a check reads, say). */
  before?: (probe: Probe) => Promise<void>;
}

/** The findings of `checks`, in their order. */
export function runChecks(server: Server, checks: readonly Check[], options: CheckRunOptions = {}): Promise<Finding[]> {
  return withServer(server, async (baseUrl) => {
    const target = {
      baseUrl,
      credentials: DOCUMENTED_CREDENTIALS,
      timeoutMs: options.timeoutMs ?? 5000,
      rotationGraceSeconds: options.rotationGraceSeconds ?? 0,
      embedded: false,
    };
    const probe = new Probe(target, undefined, options.raceSize);
    try {
      await options.before?.(probe);
      const findings: Finding[] = [];
      for (const check of checks) findings.push(await runCheck(check, probe));
      return findings;
    } finally {
      probe.close();
    }
  });
}
