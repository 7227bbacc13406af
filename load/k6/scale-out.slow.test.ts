// Scale-out, simulated with real k6 (found on the PATH; skipped with the enabling line without one): the
// k6-operator runs a TestRun of `parallelism: N` as N k6 runners, each with its own execution segment.
// Here N = 4 real k6 processes run refresh-chain at once with `--execution-segment i/4:(i+1)/4` against
// one reference server seeded with 50 users (one per possible VU: maxVUs is 50). The server's own record
// (testing/recording-server.ts), not k6's, shows: no two runners used the same user, no token was issued
// twice, every refresh token rotated at most once and every replay rejected; and the four runners' combined
// counts match one unsegmented run with the same options within 5%.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed } from '../../cli/seed.ts';
import { close, listen } from '../../servers/reference/index.ts';
import { k6, k6OrSkip, shown } from '../../testing/k6.ts';
import { createRecordingServer, type ServerRecord } from '../../testing/recording-server.ts';
import { buildK6 } from './build.ts';

const RUNNERS = 4;
const SEQUENCE = ['0', '1/4', '2/4', '3/4', '1'];
const USERS = Array.from({ length: 50 }, (_, i) => ({ username: `runner-user-${i + 1}`, password: `secret-${i + 1}` }));
const OPTIONS = {
  PROFILE: 'load',
  TOKEN_SUITE_LOAD_RATE: '40',
  TOKEN_SUITE_LOAD_VUS: '8',
  TOKEN_SUITE_LOAD_DURATION: '5s',
  TOKEN_SUITE_LOAD_USERS: USERS.map((u) => `${u.username}:${u.password}`).join(','),
};

interface Counts {
  grants: number;
  rotations: number;
  rejected: number;
}

function countsOf(record: ServerRecord): Counts {
  const refreshes = record.events.filter((e) => e.kind === 'refresh');
  return {
    grants: record.events.filter((e) => e.kind === 'grant').length,
    rotations: refreshes.filter((e) => e.outcome === 'rotated').length,
    rejected: refreshes.filter((e) => e.outcome !== 'rotated').length,
  };
}

describe('k6 scale-out, simulated: 4 k6 runners with execution segments against one server', function () {
  this.timeout(240_000);
  let k6Path: string;
  let dir: string;
  let bundle: string;
  let seedFile: string;
  before(async function () {
    k6Path = k6OrSkip(this);
    dir = mkdtempSync(join(tmpdir(), 'token-suite-scale-out-'));
    [bundle] = (await buildK6(dir, ['refresh-chain'])) as [string];
    seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ users: USERS }));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** Runs the given runners at once against a fresh seeded recording server; resolves with its record. */
  async function runAgainstServer(runners: { name: string; args: string[] }[]): Promise<ServerRecord> {
    const { server, record } = createRecordingServer({ seed: loadSeed(seedFile, undefined), scryptCost: 1024 });
    const url = await listen(server);
    try {
      const exits = await Promise.all(
        runners.map(({ name, args }) =>
          k6(k6Path, ['run', '--quiet', '--user-agent', name, ...args, bundle], {
            ...OPTIONS,
            BASE_URL: url,
            TOKEN_SUITE_LOAD_SUMMARY_DIR: mkdtempSync(join(dir, `${name}-`)),
          }),
        ),
      );
      exits.forEach((exit, i) => assert.equal(exit.code, 0, `${runners[i]!.name}: ${shown(exit)}`));
      return record;
    } finally {
      await close(server);
    }
  }

  it(
    'the server records no shared user, no token issued twice, rotation intact, ' +
      'and the counts of one unsegmented run',
    async () => {
      const segmented = await runAgainstServer(
        Array.from({ length: RUNNERS }, (_, i) => ({
          name: `runner-${i}`,
          args: [
            '--execution-segment',
            `${SEQUENCE[i]}:${SEQUENCE[i + 1]}`,
            '--execution-segment-sequence',
            SEQUENCE.join(','),
          ],
        })),
      );
      const whole = await runAgainstServer([{ name: 'unsegmented', args: [] }]);

      // Every runner worked, and no user was used by two runners.
      const runnersByUser = new Map<string, Set<string>>();
      for (const e of segmented.events)
        if (e.username) runnersByUser.set(e.username, (runnersByUser.get(e.username) ?? new Set()).add(e.runner));
      const runners = new Set(segmented.events.map((e) => e.runner));
      assert.deepEqual([...runners].sort(), ['runner-0', 'runner-1', 'runner-2', 'runner-3']);
      const shared = [...runnersByUser]
        .filter(([, set]) => set.size > 1)
        .map(([user, set]) => `${user}: ${[...set].join(',')}`);
      assert.deepEqual(shared, []);
      assert.ok(runnersByUser.size >= RUNNERS, `${runnersByUser.size} users used`);

      // No token issued twice (access and refresh tokens, across all runners).
      assert.equal(new Set(segmented.issued).size, segmented.issued.length, 'a token was issued twice');

      // Rotation: every refresh token rotated at most once, every replay rejected, and replays did happen.
      const rotatedTwice = new Map<string, number>();
      for (const e of segmented.events)
        if (e.outcome === 'rotated') rotatedTwice.set(e.presented!, (rotatedTwice.get(e.presented!) ?? 0) + 1);
      assert.deepEqual(
        [...rotatedTwice.values()].filter((n) => n > 1),
        [],
      );
      const counts = countsOf(segmented);
      assert.ok(
        segmented.events.filter((e) => e.outcome === 'reused').length > 0,
        'replays reached the server and were rejected',
      );

      // The segments add up to the unsegmented run (same options) within 5%.
      const reference = countsOf(whole);
      for (const key of Object.keys(counts) as (keyof Counts)[]) {
        assert.ok(reference[key] > 0, `${key}: the unsegmented run made some`);
        const off = Math.abs(counts[key] - reference[key]) / reference[key];
        assert.ok(
          off <= 0.05,
          `${key}: ${counts[key]} segmented vs ${reference[key]} unsegmented (${Math.round(off * 100)}% off)`,
        );
      }
      console.log(`      segmented ${JSON.stringify(counts)} vs unsegmented ${JSON.stringify(reference)}`);
    },
  );
});
