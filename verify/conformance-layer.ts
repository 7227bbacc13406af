// Runs the conformance catalog against the target, one check at a time.
import type { Check, Finding } from './check.ts';
import { CONFORMANCE } from './catalog.ts';
import { Probe, TargetUnavailable } from './probe.ts';
import type { Layer, RequirementResult, Status } from './types.ts';
import { renderRequirementLine } from './reports/console-requirement.ts';

export function toStatus(check: Pick<Check, 'level'>, outcome: Finding['outcome']): Status {
  if (outcome === 'fail') return check.level === 'MUST' ? 'fail' : 'warn';
  return outcome;
}

export function conformanceLayer(checks: readonly Check[] = CONFORMANCE): Layer {
  return {
    name: 'conformance',
    async run({ target, log, signal }) {
      const probe = new Probe(target);
      const requirements: RequirementResult[] = [];
      for (const check of checks) {
        const base = {
          id: check.id,
          title: check.title,
          level: check.level,
          source: check.source,
          layer: 'conformance' as const,
        };
        if (signal.aborted) {
          requirements.push({ ...base, status: 'inconclusive', evidence: ['interrupted before this check ran'] });
          continue;
        }
        const finding = await check.run(probe).catch((error: unknown) => {
          if (error instanceof TargetUnavailable)
            return { outcome: 'fail' as const, evidence: [`FAILED: ${error.message}`] };
          throw error;
        });
        const status = toStatus(check, finding.outcome);
        requirements.push({ ...base, status, evidence: finding.evidence });
        log(renderRequirementLine({ ...base, status }));
      }
      return { requirements };
    },
  };
}
