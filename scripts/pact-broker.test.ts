// The broker workflow, tested against a local recording endpoint (no Pact Broker can run here):
// what the official pact CLI sends for publish, can-i-deploy and verification-result publishing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { COMMITTED_PACT } from '../contracts/pact-files.ts';
import { startBrokerRecorder, type Recorder } from '../testing/pact-broker-recorder.ts';
import { ROOT } from './pact-settings.ts';

const CI = {
  GITHUB_SHA: '3f2a9c1e',
  GITHUB_REF_NAME: 'feature/pact',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/token-suite',
  GITHUB_RUN_ID: '42',
};

/** Runs scripts/<script> with a clean PACT_* / CI environment plus `env`. */
function run(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PACT_|GITHUB_|CI_|BRANCH_NAME|TOKEN_SUITE_)/.test(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function gitOutput(...args: string[]): Promise<string | undefined> {
  const child = spawn('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve(code === 0 ? out.trim() || undefined : undefined)),
  );
}

const find = (recorder: Recorder, method: string, prefix: string) =>
  recorder.requests.find((r) => r.method === method && r.path.startsWith(prefix));

describe('pact broker workflow (against a local recording endpoint, not a real broker)', () => {
  let recorder: Recorder;
  beforeEach(async () => (recorder = await startBrokerRecorder(COMMITTED_PACT)));
  afterEach(() => recorder.stop());

  it(
    'pact:publish sends the committed contract with the git SHA as version, the CI branch and build URL, ' +
      'authenticated by the token',
    async () => {
      const { code, output } = await run('pact-publish.ts', {
        PACT_BROKER_BASE_URL: recorder.url,
        PACT_BROKER_TOKEN: 'token-for-test',
        ...CI,
      });
      assert.equal(code, 0, output);
      const publish = find(recorder, 'POST', '/contracts/publish');
      assert.equal(publish?.headers.authorization, 'Bearer token-for-test');
      const body = JSON.parse(publish.body) as {
        pacticipantName: string;
        pacticipantVersionNumber: string;
        branch: string;
        buildUrl: string;
        contracts: { content: string }[];
      };
      assert.deepEqual(
        [body.pacticipantName, body.pacticipantVersionNumber, body.branch, body.buildUrl],
        ['token-client', '3f2a9c1e', 'feature/pact', 'https://github.com/acme/token-suite/actions/runs/42'],
      );
      const sent = JSON.parse(Buffer.from(body.contracts[0]!.content, 'base64').toString()) as {
        interactions: unknown;
      };
      assert.deepEqual(
        sent.interactions,
        (JSON.parse(readFileSync(COMMITTED_PACT, 'utf8')) as { interactions: unknown }).interactions,
      );
      assert.doesNotMatch(output, /token-for-test/);
    },
  );

  it('pact:publish outside CI takes the version from git rev-parse HEAD and the branch from git', async () => {
    const { code, output } = await run('pact-publish.ts', {
      PACT_BROKER_BASE_URL: recorder.url,
      PACT_BROKER_TOKEN: 't',
    });
    const head = await gitOutput('rev-parse', 'HEAD');
    if (!head) return assert.match(output, /no git commit/); // a fresh clone without commits cannot publish
    assert.equal(code, 0, output);
    const body = JSON.parse(find(recorder, 'POST', '/contracts/publish')?.body ?? '{}') as {
      pacticipantVersionNumber?: string;
      branch?: string;
    };
    assert.deepEqual([body.pacticipantVersionNumber, body.branch], [head, await gitOutput('branch', '--show-current')]);
  });

  it(
    'pact:can-i-deploy asks the matrix about this version and environment with basic auth, ' +
      'and exits 1 when the answer is no',
    async () => {
      const refusing = await startBrokerRecorder(COMMITTED_PACT, false);
      try {
        const env = {
          PACT_BROKER_BASE_URL: refusing.url,
          PACT_BROKER_USERNAME: 'ci',
          PACT_BROKER_PASSWORD: 'pw',
          PACT_ENVIRONMENT: 'staging',
          ...CI,
        };
        const { code } = await run('pact-can-i-deploy.ts', env);
        assert.equal(code, 1);
        const matrix = find(refusing, 'GET', '/matrix');
        assert.equal(matrix?.headers.authorization, `Basic ${Buffer.from('ci:pw').toString('base64')}`);
        const query = decodeURIComponent(matrix.path);
        for (const part of ['q[][pacticipant]=token-client', 'q[][version]=3f2a9c1e', 'environment=staging'])
          assert.ok(query.includes(part), query);
      } finally {
        await refusing.stop();
      }
    },
  );

  it(
    'pact:verify --publish verifies the pacts the broker selects and publishes the result with the ' +
      'provider version and branch',
    async () => {
      const { code, output } = await run(
        'pact-verify.ts',
        {
          PACT_BROKER_BASE_URL: recorder.url,
          PACT_BROKER_TOKEN: 't',
          PACT_PROVIDER_VERSION: 'prov-7',
          PACT_BRANCH: 'main',
        },
        ['--publish'],
      );
      assert.equal(code, 0, output);
      const selection = JSON.parse(
        find(recorder, 'POST', '/pacts/provider/echon-token-api/for-verification')?.body ?? '{}',
      ) as { providerVersionBranch?: string };
      assert.equal(selection.providerVersionBranch, 'main');
      assert.ok(find(recorder, 'PUT', '/pacticipants/echon-token-api/branches/main/versions/prov-7'));
      const result = JSON.parse(find(recorder, 'POST', '/pacts/recorded/verification-results')?.body ?? '{}') as {
        success?: boolean;
        providerApplicationVersion?: string;
      };
      assert.deepEqual([result.success, result.providerApplicationVersion], [true, 'prov-7']);
    },
  );

  for (const [missing, env, sentence] of [
    ['the broker URL', {}, /^pact:publish: PACT_BROKER_BASE_URL is not set: .*\.$/m],
    [
      'the broker credentials',
      { PACT_BROKER_BASE_URL: 'http://127.0.0.1:9' },
      /^pact:publish: No Pact Broker credentials: .*\.$/m,
    ],
  ] as const) {
    it(`pact:publish exits 2 with one sentence when the environment lacks ${missing}`, async () => {
      const { code, output } = await run('pact-publish.ts', env);
      assert.equal(code, 2);
      assert.match(output, sentence);
      assert.equal(output.trim().split('\n').length, 1, output);
    });
  }
});
