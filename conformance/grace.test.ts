// What a rotation grace relaxes, and what it never does; and what "exactly one winner" means. Each check runs
// against a small server right or wrong in one way (testing/rotation-servers.ts).
import assert from 'node:assert/strict';
import { createRotationServer, type RotationFlaw } from '../testing/rotation-servers.ts';
import { runChecks } from '../testing/run-checks.ts';
import type { Check, Finding } from './check.ts';
import { raceOneWinner } from './checks/refresh/race.ts';
import { replayRejected } from './checks/refresh/replay.ts';
import { unique } from './checks/token/unique.ts';
import { noPasswordEcho } from './checks/token/no-password-echo.ts';
import type { Probe } from './probe.ts';

async function judge(flaw: RotationFlaw, graceSeconds: number, check: Check, before?: (p: Probe) => Promise<void>) {
  const server = createRotationServer(flaw, graceSeconds * 1000);
  const options = { timeoutMs: 2000, rotationGraceSeconds: graceSeconds, raceSize: 8, before };
  const [finding] = await runChecks(server, [check], options);
  return finding as Finding;
}

const show = (finding: Finding) => finding.evidence.join('\n');
const logins = (n: number) => async (probe: Probe) => {
  for (let i = 0; i < n; i += 1) await probe.login();
};

describe('rotation grace relaxes only what grace means', () => {
  it('TOKEN-12 fails 120 logins answered with one pair, with a grace window as without', async () => {
    for (const grace of [0, 0.001, 5]) {
      const finding = await judge('static-login', grace, unique, logins(120));
      assert.equal(finding.outcome, 'fail', `grace ${grace}: ${show(finding)}`);
      assert.match(show(finding), /a token repeats an earlier token/);
    }
  });

  it('TOKEN-12 passes distinct logins with a grace window', async () => {
    const finding = await judge('hydra', 1, unique, logins(60));
    assert.equal(finding.outcome, 'pass', show(finding));
  });

  it('REFRESH-04 passes a Hydra-style server: each extra winner a new pair, each raced token dies after', async () => {
    const finding = await judge('hydra', 1, raceOneWinner);
    assert.equal(finding.outcome, 'pass', show(finding));
  });

  it('REFRESH-04 fails a server that sends the same pair to concurrent refreshes inside the window', async () => {
    const finding = await judge('same-pair', 1, raceOneWinner);
    assert.equal(finding.outcome, 'fail', show(finding));
    assert.match(show(finding), /FAILED: round 1: no token repeats across the 8 winners/);
  });

  it('REFRESH-04 fails a server whose window never closes: the raced tokens still work after it', async () => {
    const finding = await judge('endless', 1, raceOneWinner);
    assert.equal(finding.outcome, 'fail', show(finding));
    assert.match(show(finding), /FAILED: round 1's raced token after the 1 s grace/);
  });

  it('REFRESH-03 passes a Hydra-style server, which accepts a token two rotations old inside the window', async () => {
    const finding = await judge('hydra', 1, replayRejected);
    assert.equal(finding.outcome, 'pass', show(finding));
    assert.match(show(finding), /ok: replay of a token two rotations old inside the 1 s grace/);
  });

  it('REFRESH-03 fails a server whose window never closes', async () => {
    const finding = await judge('endless', 1, replayRejected);
    assert.equal(finding.outcome, 'fail', show(finding));
    assert.match(show(finding), /FAILED: replay of the first spent token, \d+\.\d s after its first use/);
  });
});

describe('REFRESH-04: exactly one means exactly one', () => {
  it('passes a server where one racer wins and the others get a 4xx', async () => {
    const finding = await judge('hydra', 0, raceOneWinner);
    assert.equal(finding.outcome, 'pass', show(finding));
  });

  it('fails a race whose losers got 503: a 5xx is not a rejection', async () => {
    const finding = await judge('race-5xx', 0, raceOneWinner);
    assert.equal(finding.outcome, 'fail', show(finding));
    assert.match(show(finding), /FAILED: round 1: 8 racers, 1 won, \d rejected with a 4xx, [1-7] other answers/);
    assert.match(show(finding), /not a rejection: POST \S+ → 503 busy/);
  });

  it('fails a race nobody won, with a grace window as without', async () => {
    for (const grace of [0, 1]) {
      const finding = await judge('race-none', grace, raceOneWinner);
      assert.equal(finding.outcome, 'fail', show(finding));
      assert.match(show(finding), /FAILED: round 1: 8 racers, 0 won/);
    }
  });
});

describe('SECRET-01 reads every answer the conformance layer saw', () => {
  it('fails a server that echoes the submitted form, password included, in its 200 bodies', async () => {
    const finding = await judge('echo-200', 0, noPasswordEcho, logins(2));
    assert.equal(finding.outcome, 'fail', show(finding));
    assert.match(show(finding), /FAILED: 2 other answers of the run searched, 2 reflect a password/);
    assert.match(show(finding), /POST http:\/\/127\.0\.0\.1:\d+\/v1\/token → 200: the body reflects the configured/);
  });

  it('passes a server that reflects nothing', async () => {
    const finding = await judge('hydra', 0, noPasswordEcho, logins(2));
    assert.equal(finding.outcome, 'pass', show(finding));
  });
});
