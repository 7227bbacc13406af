// LOAD-03, LOAD-07, LOAD-04: refresh rotation under load, judged only on answered evidence (see
// flows/rotation.ts). A violation fails (LOAD-07, a SHOULD: warns) whatever the count; without one a
// requirement passes only on MIN_ROTATION_EVIDENCE answered replays outside the grace window (every replay
// without a grace), families probed after one, or races with every racer answered. Below that, or when
// k6's summary lacks a rotation counter, it is inconclusive and says what was missing.
import type { RequirementResult, Status } from '../../verdict/types.ts';
import { GRACE_TOLERANCE_MS, OUTSIDE_MARGIN_MS, RACE_VIOLATIONS } from '../flows/rotation.ts';
import type { LoadReport } from './load-report.ts';
import { MIN_ROTATION_EVIDENCE, racedReplaysNeeded } from './minimums.ts';

type Requirement = Omit<RequirementResult, 'layer'>;

const WHY_MINIMUM = 'a server that breaks the rule in 30% of cases passes 10 by chance under 3% of the time (0.7^10)';

type Judge = (ok: boolean, level?: 'fail' | 'warn') => Status;

/** `status`: the load layer's own (inconclusive when nothing ran), as for the other load requirements. */
export function rotationRequirements(report: LoadReport, status: Judge): Requirement[] {
  const r = report.rotation;
  const v = r.violations;
  const MIN = MIN_ROTATION_EVIDENCE;
  const judge = (violations: number, evidence: number, level: 'fail' | 'warn' = 'fail'): Status => {
    if (report.rotation_missing) return 'inconclusive';
    if (violations > 0) return status(false, level);
    return evidence < MIN_ROTATION_EVIDENCE ? 'inconclusive' : status(true, level);
  };
  return [
    {
      id: 'LOAD-03',
      level: 'MUST',
      source: 'docs; RFC 9700 §4.14.2',
      title: 'Refresh rotation holds under load: a replayed refresh token is rejected',
      minimum: `${MIN} answered replays outside the grace window (without a grace: any ${MIN}); ${WHY_MINIMUM}`,
      status: judge(v.replay_accepted, r.replays_outside_grace),
      evidence: replayEvidence(report),
    },
    {
      id: 'LOAD-07',
      level: 'SHOULD',
      source: 'RFC 9700 §4.14.2',
      title: 'Reuse detection holds under load: after a replay the newest token of the family is revoked',
      minimum: `${MIN} families whose replay (outside the grace window) and probe were both answered; ${WHY_MINIMUM}`,
      status: judge(v.family_survived_replay, r.family_probes_outside_grace, 'warn'),
      evidence: familyEvidence(report),
    },
    {
      id: 'LOAD-04',
      level: 'MUST',
      source: 'docs; RFC 9700 §4.14.2',
      title: 'Refresh rotation holds under load: of concurrent refreshes of one token exactly one wins',
      minimum:
        `${MIN} races with every racer answered; under a grace, as many raced tokens (up to ${MIN}) replayed ` +
        `outside the window as races won several times; ${WHY_MINIMUM}`,
      status: judge(raceViolations(report), Math.min(r.races, racedEvidence(report))),
      evidence: raceEvidence(report),
    },
  ];
}

const graceOf = (report: LoadReport) => report.rotation_grace_s ?? 0;

const raceViolations = (report: LoadReport) =>
  RACE_VIOLATIONS.reduce((sum, v) => sum + (report.rotation.violations[v] ?? 0), 0);

/**
 * Extra winners under a grace are allowed only when the raced token is rejected once the window passed:
 * while fewer raced tokens (up to MIN) were replayed outside it than races were won several times, LOAD-04
 * has no evidence to pass on (MIN_ROTATION_EVIDENCE when nothing needs it).
 */
function racedEvidence(report: LoadReport): number {
  const r = report.rotation;
  const needed = racedReplaysNeeded(r);
  if (needed === 0 || r.raced_replays_outside_grace >= needed) return MIN_ROTATION_EVIDENCE;
  return 0;
}

function outsideText(report: LoadReport): string {
  const grace = graceOf(report);
  const age = `${grace} s + ${GRACE_TOLERANCE_MS} ms`;
  return `outside the ${grace} s grace window (rotated out ${age} or more before the replay was sent)`;
}

function shortOf(report: LoadReport, evidence: number, what: string): string[] {
  if (evidence >= MIN_ROTATION_EVIDENCE) return [];
  const grace = graceOf(report);
  const longer =
    grace > 0
      ? `; a replay outside the window needs a token rotated out ${grace} s + ${OUTSIDE_MARGIN_MS} ms earlier, ` +
        'so the run must last clearly longer than that'
      : '';
  return [`only ${evidence} ${what}, fewer than the ${MIN_ROTATION_EVIDENCE} needed to judge${longer}`];
}

function missingOf(report: LoadReport): string[] {
  const missing = report.rotation_missing;
  return missing ? [`k6's summary lacks ${missing.join(', ')}: the rotation counters cannot be judged`] : [];
}

const unanswered = (n: number, what: string) => (n > 0 ? [`${n} ${what} got no HTTP answer (timeout, reset)`] : []);
const throttled = (n: number, what: string) =>
  n > 0 ? [`${n} ${what} answered 429 (or 503 with Retry-After): the limiter's answer, judged on nothing`] : [];

function replayEvidence(report: LoadReport): string[] {
  const r = report.rotation;
  const answered = `${r.rotations} rotations, ${r.replays} replays answered`;
  const accepted = `${r.violations.replay_accepted} replays accepted`;
  const lines =
    graceOf(report) > 0
      ? [
          `${answered}: ${r.replays_outside_grace} ${outsideText(report)}: ${accepted}`,
          `${r.replays_in_grace} replays inside the window: ${r.replays_accepted_in_grace} accepted (allowed)`,
        ]
      : [`${answered}: ${accepted}`];
  return [
    ...lines,
    ...unanswered(r.replays_unanswered, 'replays'),
    ...throttled(r.replays_throttled, 'replays'),
    ...shortOf(report, r.replays_outside_grace, 'answered replays outside the grace window'),
    ...missingOf(report),
  ];
}

function familyEvidence(report: LoadReport): string[] {
  const r = report.rotation;
  const survived = `${r.violations.family_survived_replay} families survived one`;
  const probed = `${r.family_probes} families probed after an answered replay (replay and probe both answered)`;
  const inside = r.family_probes - r.family_probes_outside_grace;
  const lines =
    graceOf(report) > 0
      ? [
          `${probed}: ${r.family_probes_outside_grace} after a replay ${outsideText(report)}: ${survived}`,
          `${inside} after a replay inside the window: ${r.families_survived_in_grace} survived (allowed)`,
        ]
      : [`${probed}: ${survived}`];
  return [
    ...lines,
    ...unanswered(r.replays_unanswered, 'replays (their families not probed)'),
    ...unanswered(r.family_probes_unanswered, 'family probes'),
    ...throttled(r.family_probes_throttled, 'family probes'),
    ...shortOf(report, r.family_probes_outside_grace, 'families probed after a replay outside the grace window'),
    ...missingOf(report),
  ];
}

function raceEvidence(report: LoadReport): string[] {
  const r = report.rotation;
  const v = r.violations;
  const grace = graceOf(report);
  const several =
    grace > 0 ? 'with several winners not allowed (a token repeated across their pairs)' : 'with more than one winner';
  const races =
    `${r.races} races with every racer answered: ${v.race_double_win} ${several}, ` +
    `${v.race_without_winner ?? 0} with no winner; ` +
    `${v.race_racer_failed ?? 0} races in which a racer got neither a valid pair nor a 4xx (a 5xx, a broken pair, ` +
    'or no answer within the timeout)';
  const allowed = [
    `${r.double_wins_in_grace} with several winners inside the ${grace} s grace window (allowed when no token ` +
      'repeats across their pairs and the raced token is rejected once the window has passed): ' +
      `${r.raced_replays_outside_grace ?? 0} raced tokens replayed outside the window, ` +
      `${v.raced_token_outlived_grace ?? 0} accepted`,
  ];
  const partial = [
    `${r.races_unanswered} races in which a racer got no HTTP answer (timeout, reset): not counted above, ` +
      'though two winners among their answers count as more than one winner',
  ];
  const needed = racedReplaysNeeded(r);
  const unproven =
    racedEvidence(report) === 0
      ? [
          `only ${r.raced_replays_outside_grace ?? 0} raced tokens replayed outside the window, ${needed} needed: ` +
            'the extra winners are allowed only if the raced token stops working once the window has passed',
        ]
      : [];
  return [
    races,
    ...(grace > 0 ? allowed : []),
    ...(r.races_unanswered > 0 ? partial : []),
    ...(r.races_throttled > 0
      ? [
          `${r.races_throttled} races in which a racer was answered 429 (or 503 with Retry-After): not counted ` +
            'above, though two winners among their answers count as more than one winner',
        ]
      : []),
    ...shortOf(report, r.races, 'races with every racer answered'),
    ...unproven,
    ...missingOf(report),
  ];
}
