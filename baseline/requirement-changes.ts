// Requirements whose status changed since the baseline: newly failing (passed, now fails or warns), fixed
// (failed or warned, now passes) and newly inconclusive (passed, now lacks evidence). Requirements only one run
// judged (a layer only one of them ran) are not compared.
import type { RequirementResult, Status } from '../verdict/types.ts';

export interface RequirementChange {
  id: string;
  title: string;
  level: RequirementResult['level'];
  old: Status;
  now: Status;
  /** This run's first evidence line. */
  evidence: string;
}

export interface RequirementChanges {
  newlyFailing: RequirementChange[];
  fixed: RequirementChange[];
  newlyInconclusive: RequirementChange[];
  /** Requirements both runs judged. */
  compared: number;
}

const broken = (s: Status) => s === 'fail' || s === 'warn';

export function requirementChanges(
  old: readonly RequirementResult[],
  now: readonly RequirementResult[],
): RequirementChanges {
  const before = new Map(old.filter((r) => r.layer !== 'baseline').map((r) => [r.id, r.status]));
  const changes: RequirementChanges = { newlyFailing: [], fixed: [], newlyInconclusive: [], compared: 0 };
  for (const r of now) {
    const was = before.get(r.id);
    if (was === undefined) continue;
    changes.compared += 1;
    if (was === r.status) continue;
    const change = { id: r.id, title: r.title, level: r.level, old: was, now: r.status, evidence: r.evidence[0] ?? '' };
    if (was === 'pass' && broken(r.status)) changes.newlyFailing.push(change);
    else if (broken(was) && r.status === 'pass') changes.fixed.push(change);
    else if (was === 'pass' && r.status === 'inconclusive') changes.newlyInconclusive.push(change);
  }
  return changes;
}
