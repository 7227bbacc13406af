// Runs the conformance catalog against the target, one check at a time. A check that could not gather its
// evidence (a token pair it needed, a target that stopped answering, an interruption, a bug of its own) is
// inconclusive with the reason; only what the server answered can fail a requirement.
import { stopReason, TransportError } from '../client/transport.ts';
import { notJudged } from '../client/not-judged.ts';
import { Evidence, type Check, type Finding } from './check.ts';
import { CONFORMANCE } from './catalog.ts';
import { BreakerOpen, NeedsTokenPair, Probe } from './probe.ts';
import { renderRequirementLine } from '../reporting/console/requirement.ts';
import type { Layer, LayerContext, RequirementResult, Status } from '../verdict/types.ts';

function toStatus(check: Pick<Check, 'level'>, outcome: Finding['outcome']): Status {
  if (outcome === 'fail') return check.level === 'MUST' ? 'fail' : 'warn';
  return outcome;
}

/** Runs one check; whatever it throws is recorded, never lost with the evidence gathered before. */
export async function runCheck(check: Check, probe: Probe): Promise<Finding> {
  const e = new Evidence();
  probe.beginCheck(check.id);
  try {
    await check.run(probe, e);
  } catch (error) {
    recordThrown(e, error);
  }
  return e.done();
}

function recordThrown(e: Evidence, error: unknown): void {
  if (error instanceof TransportError && error.kind !== 'aborted') e.expect(false, error.message);
  else if (error instanceof TransportError) e.lacking(`${error.detail} while this check ran`);
  else if (error instanceof BreakerOpen || error instanceof NeedsTokenPair || notJudged(error))
    e.lacking(error.message);
  else
    e.lacking(`the check itself failed (a suite error, not the server's): ${(error as Error).stack ?? String(error)}`);
}

export function conformanceLayer(checks: readonly Check[] = CONFORMANCE): Layer {
  return {
    name: 'conformance',
    async run({ target, log, signal, raceSize, secrets, guards, judged }: LayerContext) {
      const probe = new Probe(target, signal, raceSize, guards);
      const requirements: RequirementResult[] = [];
      try {
        for (const check of checks) {
          const { id, title, level, source, minimum } = check;
          const base = { id, title, level, source, minimum, layer: 'conformance' as const };
          if (signal.aborted) {
            requirements.push({
              ...base,
              status: 'inconclusive',
              evidence: [`MISSING: ${stopReason(signal)} before this check ran`],
            });
            continue;
          }
          const finding = await runCheck(check, probe);
          const status = toStatus(check, finding.outcome);
          const result = { ...base, status, evidence: finding.evidence };
          requirements.push(result);
          judged?.(result);
          log(renderRequirementLine({ ...base, status }));
        }
      } finally {
        for (const token of probe.tokens.keys()) secrets?.addToken(token);
        probe.close();
      }
      return { requirements };
    },
  };
}
