// Servers broken in ways that once got a pass (or an inconclusive) from the load layer, each with what the
// load layer must say about it: run by load/broken-servers.slow.test.ts with each engine. Each is the fake
// token server (fake-token-server.ts) with one flaw.
import type { FakeFlaws } from './fake-token-server.ts';

export interface BrokenLoadServer {
  name: string;
  flaws: FakeFlaws;
  /** The grace the run declares (--rotation-grace), in seconds. */
  graceSeconds: number;
  durationSeconds: number;
  timeoutMs?: number;
  /** TOKEN_SUITE_LOAD_* variables for the run (e.g. a mix of races only). */
  env?: Record<string, string>;
  /** Requirement id: the status it must get, and a pattern its evidence must match. */
  expect: Record<string, { status: string; evidence: RegExp }>;
}

export const BROKEN_LOAD_SERVERS: BrokenLoadServer[] = [
  {
    name: 'rejects every racer of a contested token (no winner)',
    flaws: { contested: 'reject-all' },
    graceSeconds: 0,
    durationSeconds: 3,
    env: { TOKEN_SUITE_LOAD_MIX: 'race:1' },
    expect: { 'LOAD-04': { status: 'fail', evidence: /[1-9]\d* with no winner/ } },
  },
  {
    name: 'answers the losers of a race with 503',
    flaws: { contested: '5xx' },
    graceSeconds: 0,
    durationSeconds: 3,
    env: { TOKEN_SUITE_LOAD_MIX: 'race:1' },
    expect: { 'LOAD-04': { status: 'fail', evidence: /[1-9]\d* races in which a racer got neither/ } },
  },
  {
    name: 'never answers the losers of a race (held past --timeout)',
    flaws: { contested: 'hang' },
    graceSeconds: 0,
    durationSeconds: 3,
    timeoutMs: 400,
    env: { TOKEN_SUITE_LOAD_MIX: 'race:1' },
    expect: { 'LOAD-04': { status: 'fail', evidence: /[1-9]\d* races in which a racer got neither/ } },
  },
  {
    name: 'lets every racer win and never spends a raced token, declaring a 1 s grace',
    flaws: { contested: 'keep' },
    graceSeconds: 1,
    durationSeconds: 4,
    env: { TOKEN_SUITE_LOAD_MIX: 'chain:1,race:1' },
    expect: { 'LOAD-04': { status: 'fail', evidence: /raced tokens replayed outside the window, [1-9]\d* accepted/ } },
  },
  {
    name: 'answers every password grant with one same pair, declaring a 1 s grace',
    flaws: { staticLogin: true },
    graceSeconds: 1,
    durationSeconds: 3,
    expect: { 'LOAD-05': { status: 'fail', evidence: /[1-9][\d,]* collisions/ } },
  },
  {
    name: 'stops answering 6 s into a 12 s load',
    flaws: { silentAfterMs: 6000 },
    graceSeconds: 0,
    durationSeconds: 12,
    timeoutMs: 1000,
    // LOAD-06 (the starved last third) needs 40 answers in the first third: on a machine too busy for them it
    // is inconclusive, so its rule is tested on recorded windows (load/report/degradation.test.ts).
    expect: { 'LOAD-01': { status: 'fail', evidence: /FAILED: after the load, the password grant failed/ } },
  },
];
