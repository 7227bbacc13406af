// The contract layer of `token-suite verify`, with per-interaction evidence:
// PACT-01 (MUST) every success interaction; PACT-02 (SHOULD) every error interaction, whose status and
// OAuth code the docs leave open, so another error style only warns.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Layer, LayerContext, RequirementResult } from '../verify/types.ts';
import { COMMITTED_PACT } from './pact-files.ts';
import { PROVIDER_STATES_PATH } from './provider-states.ts';
import { verifyContract } from './verification-worker.ts';
import type { VerificationReport } from './verify-contract.ts';

const SOURCE = relative(fileURLToPath(new URL('..', import.meta.url)), COMMITTED_PACT);

/** Descriptions of the interactions whose expected response is an error (status >= 400). */
export function errorInteractions(pactPath = COMMITTED_PACT): Set<string> {
  const pact = JSON.parse(readFileSync(pactPath, 'utf8')) as {
    interactions: { description: string; response: { status: number } }[];
  };
  return new Set(pact.interactions.filter((i) => i.response.status >= 400).map((i) => i.description));
}

/** True when the target answers the state-change endpoint (anything but 404 or no answer). */
async function hasStateEndpoint(baseUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, '')}${PROVIDER_STATES_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: '', params: {}, action: 'teardown' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status !== 404;
  } catch {
    return false;
  }
}

export function evidenceOf(report: VerificationReport, states: 'seeded' | 'live'): string[] {
  const lines = report.interactions.map((i) =>
    i.ok ? `PASS ${i.description}` : `FAIL ${i.description}: ${i.mismatches.join('; ')}`,
  );
  if (states === 'seeded') lines.push(`provider states met by seeding through ${PROVIDER_STATES_PATH}`);
  for (const [state, how] of report.metLive) lines.push(`state "${state}" ${how}`);
  for (const [state, reason] of report.stateFailures) lines.push(`state "${state}" could not be met: ${reason}`);
  if (report.error) lines.push(`verifier: ${report.error}`);
  return lines;
}

export const contractLayer: Layer = {
  name: 'contract',
  async run(context: LayerContext) {
    const { target } = context;
    const base = { source: SOURCE, layer: 'contract' as const };
    const must: RequirementResult = {
      ...base,
      id: 'PACT-01',
      title: 'The target satisfies every success interaction of the contract',
      level: 'MUST',
      status: 'inconclusive',
      evidence: [],
    };
    const should: RequirementResult = {
      ...base,
      id: 'PACT-02',
      title: "The target's errors match the contract's error interactions (status and OAuth code)",
      level: 'SHOULD',
      status: 'inconclusive',
      evidence: [],
    };
    if (context.signal.aborted)
      return {
        requirements: [must, should].map((r) => ({ ...r, evidence: ['interrupted before the contract was verified'] })),
      };
    const states = target.embedded && (await hasStateEndpoint(target.baseUrl, target.timeoutMs)) ? 'seeded' : 'live';
    context.log(`  replaying ${SOURCE} against ${target.baseUrl} (provider states: ${states})`);
    const report = await verifyContract(
      { baseUrl: target.baseUrl, states, credentials: target.credentials, timeoutMs: target.timeoutMs },
      { signal: context.signal },
    );
    const errors = errorInteractions();
    const part = (wantErrors: boolean): VerificationReport => {
      const interactions = report.interactions.filter((i) => errors.has(i.description) === wantErrors);
      const ok =
        interactions.length > 0 &&
        interactions.every((i) => i.ok) &&
        report.stateFailures.length === 0 &&
        !report.error;
      return { ...report, interactions, ok };
    };
    const [successes, failures] = [part(false), part(true)];
    const graceNote =
      target.rotationGraceSeconds > 0
        ? [
            `note: a rotation grace of ${target.rotationGraceSeconds}s is configured; the contract still expects a used refresh token to be rejected at once`,
          ]
        : [];
    return {
      requirements: [
        { ...must, status: successes.ok ? 'pass' : 'fail', evidence: evidenceOf(successes, states) },
        { ...should, status: failures.ok ? 'pass' : 'warn', evidence: [...evidenceOf(failures, states), ...graceNote] },
      ],
    };
  },
};
