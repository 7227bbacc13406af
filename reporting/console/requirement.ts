// One console line per requirement, printed once, as soon as it is judged.
import type { RequirementResult } from '../../verdict/types.ts';

const STATUS_WORDS = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', inconclusive: 'INCONCLUSIVE' } as const;

/** "  FAIL REFRESH-03  MUST   A used refresh token is rejected on replay" (INCONCLUSIVE is rare: not padded to). */
export function renderRequirementLine(r: Pick<RequirementResult, 'id' | 'level' | 'status' | 'title'>): string {
  return `  ${STATUS_WORDS[r.status].padEnd(4)} ${r.id.padEnd(11)} ${r.level.padEnd(6)} ${r.title}`;
}
