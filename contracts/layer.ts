// The contract layer of `token-suite verify`: replays the committed contract against the target with
// pact-js (in a child process), meeting provider states by seeding (the embedded server) or live, and
// judges PACT-01 and PACT-02 (contracts/judge.ts) with per-interaction evidence.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopReason, Transport } from '../client/transport.ts';
import type { Layer, LayerContext, RequirementResult, Target } from '../verdict/types.ts';
import { renderRequirementLine } from '../reporting/console/requirement.ts';
import { runGuards } from '../client/run-guards.ts';
import { startGuardProxy } from './guard-proxy.ts';
import { judge, markUnmetStates, type StatesMode } from './judge.ts';
import { COMMITTED_PACT } from './pact-files.ts';
import { PROVIDER_STATES_PATH } from './provider-states.ts';
import { verifyPact } from './pact-verifier-child.ts';
import type { VerificationReport } from './pact-verifier.ts';

export { evidenceOf } from './judge.ts';

const SOURCE = relative(fileURLToPath(new URL('..', import.meta.url)), COMMITTED_PACT);

/** Descriptions of the interactions whose expected response is an error (status >= 400). */
function errorInteractions(pactPath = COMMITTED_PACT): {
  errors: Set<string>;
  total: number;
  statesOf: Map<string, string[]>;
} {
  const pact = JSON.parse(readFileSync(pactPath, 'utf8')) as {
    interactions: { description: string; response: { status: number }; providerStates?: { name: string }[] }[];
  };
  const errors = new Set(pact.interactions.filter((i) => i.response.status >= 400).map((i) => i.description));
  const statesOf = new Map(pact.interactions.map((i) => [i.description, (i.providerStates ?? []).map((s) => s.name)]));
  return { errors, total: pact.interactions.length, statesOf };
}

/** True when the target answers the state-change endpoint (anything but 404 or no answer). */
async function hasStateEndpoint(target: Target): Promise<boolean> {
  const transport = new Transport({ deadlineMs: target.timeoutMs, maxBodyBytes: 4096, tls: target.tls });
  try {
    const answer = await transport.send({
      method: 'POST',
      url: `${target.baseUrl}${PROVIDER_STATES_PATH}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: '', params: {}, action: 'teardown' }),
    });
    return answer.status !== 404;
  } catch {
    return false;
  } finally {
    transport.close();
  }
}

const PACT_01 = {
  id: 'PACT-01',
  title: 'The target satisfies every success interaction of the contract',
  level: 'MUST',
  source: SOURCE,
  layer: 'contract',
  minimum: 'every success interaction of the contract replayed, its provider state met',
} as const;
const PACT_02 = {
  id: 'PACT-02',
  title: "The target's errors match the contract's error interactions (status and OAuth code)",
  level: 'SHOULD',
  source: SOURCE,
  layer: 'contract',
  minimum: 'every error interaction of the contract replayed, its provider state met',
} as const;

/** pact-js 16 cannot send a client certificate; 17.1 can (tlsClientOptions) but needs Node 22. */
const CANNOT_PRESENT_CLIENT_CERTIFICATE =
  'MISSING: the contract layer cannot present a client certificate (--cert): pact-js 16 has no option for it, and ' +
  'pact-js 17.1, which has, needs Node 22; verify this target with `npm run pact:verify` from a Node 22 checkout, ' +
  'or through a TLS-terminating proxy';

export const contractLayer: Layer = {
  name: 'contract',
  async run(context: LayerContext) {
    const { target } = context;
    const notRun = (line: string) => ({
      requirements: [PACT_01, PACT_02].map((r): RequirementResult => ({
        ...r,
        status: 'inconclusive',
        evidence: [line],
      })),
    });
    if (context.signal.aborted)
      return notRun(`MISSING: ${stopReason(context.signal)} before the contract was verified`);
    if (target.tls?.certPem) {
      const result = notRun(CANNOT_PRESENT_CLIENT_CERTIFICATE);
      for (const r of result.requirements) context.log(renderRequirementLine(r));
      return result;
    }
    const states: StatesMode = target.embedded && (await hasStateEndpoint(target)) ? 'seeded' : 'live';
    context.log(`  replaying ${SOURCE} against ${target.baseUrl} (provider states: ${states})`);
    // The verifier talks to the guard proxy (plain HTTP on loopback); the proxy talks to the target with the
    // run's TLS trust, and may wait out throttling up to the run's budget, so the verifier waits that long too.
    const guards = context.guards ?? runGuards(target.credentials, undefined, context.signal);
    const proxy = await startGuardProxy(target, guards, context.signal);
    const timeoutMs = target.timeoutMs + guards.throttle.budgetMs;
    const verified = await verifyPact(
      { baseUrl: proxy.url, states, credentials: target.credentials, timeoutMs },
      { signal: context.signal },
    ).finally(() => proxy.close());
    const { errors, total, statesOf } = errorInteractions();
    const report = markUnmetStates(verified, statesOf);
    // Each requirement over its own interactions, and only the provider states those need: a state the
    // success interactions could not meet leaves the error interactions judged.
    const part = (wantErrors: boolean): VerificationReport => {
      const interactions = report.interactions.filter((i) => errors.has(i.description) === wantErrors);
      const needed = new Set(interactions.flatMap((i) => statesOf.get(i.description) ?? []));
      return { ...report, interactions, stateFailures: report.stateFailures.filter(([state]) => needed.has(state)) };
    };
    const graceNote =
      target.rotationGraceSeconds > 0
        ? [
            `note: a rotation grace of ${target.rotationGraceSeconds}s is configured; ` +
              'the contract still expects a used refresh token to be rejected at once',
          ]
        : [];
    const notJudged = [...proxy.notJudged];
    const should = judge(PACT_02, part(true), errors.size, states, notJudged);
    const requirements = [
      judge(PACT_01, part(false), total - errors.size, states, notJudged),
      { ...should, evidence: [...should.evidence, ...graceNote] },
    ];
    for (const r of requirements) context.judged?.(r);
    for (const r of requirements) context.log(renderRequirementLine(r));
    return { requirements };
  },
};
