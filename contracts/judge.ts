// Turns a verification report into PACT-01 (MUST: every success interaction) and PACT-02 (SHOULD: every
// error interaction, whose statuses and codes the docs leave open). Too few interactions replayed, a
// verifier that could not run, or a provider state that could not be met is inconclusive, never a pass.
// RFC 6749 §5.2: 401 for invalid_client only when the client authenticated with the Authorization header,
// so a 400 with the contract's invalid_client body is accepted where the contract (the reference) says 401.
import type { RequirementResult, Status } from '../verdict/types.ts';
import { PROVIDER_STATES_PATH } from './provider-states.ts';
import type { InteractionResult, VerificationReport } from './pact-verifier.ts';

export type StatesMode = 'seeded' | 'live';

/** The one interaction where another status is as correct as the contract's. */
export const UNKNOWN_CLIENT = 'a password grant for an unknown client';

function accepted(i: InteractionResult): boolean {
  if (i.ok) return true;
  return i.description === UNKNOWN_CLIENT && i.statusMismatch?.expected === 401 && i.statusMismatch.actual === 400;
}

/**
 * The guard proxy (guard-proxy.ts) answers 429 when a request could not get the server's answer (throttling
 * past the wait budget, a locked account): such an interaction is not judged. A 429 never reaches the verifier
 * from the target: the proxy waits those out.
 */
function unjudged(i: InteractionResult): boolean {
  // A state not met: even a matching answer proves nothing (a made-up "used" token is rejected as unknown).
  if (i.stateUnmet !== undefined) return true;
  return !i.ok && i.mismatches.some((m) => /expected \d{3} but was 429\b/.test(m));
}

function lineOf(i: InteractionResult, why: string): string {
  if (unjudged(i) && i.stateUnmet !== undefined)
    return `MISSING: ${i.description}: its provider state "${i.stateUnmet}" could not be set up (no evidence)`;
  if (unjudged(i)) return `MISSING: ${i.description}: ${why}`;
  if (i.ok) return `PASS ${i.description}`;
  const either = "the contract's 401 is one of two correct answers, RFC 6749 §5.2";
  if (accepted(i)) return `PASS ${i.description}: 400 invalid_client (${either})`;
  return `FAIL ${i.description}: ${i.mismatches.join('; ')}`;
}

export function evidenceOf(report: VerificationReport, states: StatesMode, notJudged: string[] = []): string[] {
  const why = notJudged.length > 0 ? notJudged.join('; ') : 'answered 429';
  const lines = report.interactions.map((i) => lineOf(i, why));
  if (states === 'seeded') lines.push(`provider states met by seeding through ${PROVIDER_STATES_PATH}`);
  for (const [state, how] of report.metLive) lines.push(`state "${state}" ${how}`);
  for (const [state, reason] of report.stateFailures)
    lines.push(`MISSING: state "${state}" could not be met: ${reason}`);
  if (report.error) lines.push(`MISSING: the verifier could not run: ${report.error}`);
  return lines;
}

/** One requirement over the interactions it covers (`expected` of them are in the contract). */
export function judge(
  requirement: Omit<RequirementResult, 'status' | 'evidence'>,
  report: VerificationReport,
  expected: number,
  states: StatesMode,
  notJudged: string[] = [],
): RequirementResult {
  const evidence = evidenceOf(report, states, notJudged);
  const failed = report.interactions.some((i) => !accepted(i) && !unjudged(i));
  const missing =
    report.interactions.length < expected ||
    report.stateFailures.length > 0 ||
    report.error ||
    report.interactions.some(unjudged);
  if (report.interactions.length < expected) {
    evidence.push(`MISSING: ${report.interactions.length} of the contract's ${expected} interactions were replayed`);
  }
  const failure: Status = requirement.level === 'MUST' ? 'fail' : 'warn';
  const status: Status = failed ? failure : missing ? 'inconclusive' : 'pass';
  return { ...requirement, status, evidence };
}

/** Marks each interaction whose provider state could not be set up (its failure is no evidence). */
export function markUnmetStates(report: VerificationReport, statesOf: Map<string, string[]>): VerificationReport {
  const unmet = new Set(report.stateFailures.map(([state]) => state));
  const interactions = report.interactions.map((i) => {
    const state = (statesOf.get(i.description) ?? []).find((s) => unmet.has(s));
    return state === undefined ? i : { ...i, stateUnmet: state };
  });
  return { ...report, interactions };
}
