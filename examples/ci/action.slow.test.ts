// The composite action's shell steps run as GitHub runs them: bash, the inputs in the step's env, and the
// GITHUB_* variables set (the job summary and the outputs in temporary files). Against the embedded server (a pass)
// and a mutant that echoes the password in its errors (a fail): the job summary, the outputs, the ::error
// annotations, and never the password.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DOCUMENTED_CREDENTIALS } from '../../schemas/documented-api.ts';
import { startServe } from '../../testing/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
interface Step {
  run?: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { steps: Step[] };
};

/** Runs every step of the action with `inputs` (over the defaults); returns the last step's result and files. */
function runAction(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'action-'));
  const files = { summary: join(dir, 'step-summary.md'), output: join(dir, 'output.txt') };
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])),
    'report-dir': join(dir, 'reports'),
    ...inputs,
  };
  let result = { status: 0 as number | null, stdout: '', stderr: '' };
  for (const step of action.runs.steps) {
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [
        k,
        v.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, n: string) => values[n] ?? ''),
      ]),
    );
    const run = spawnSync('bash', ['-e', '-c', step.run ?? 'true'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_WORKSPACE: dir,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.output,
      },
      timeout: 300_000,
    });
    result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }
  return { ...result, summary: readFileSync(files.summary, 'utf8'), output: readFileSync(files.output, 'utf8') };
}

describe('action.yml (composite): its shell steps with the GITHUB_* variables set', function () {
  this.timeout(600_000);

  it('a passing run: exit 0, the job summary, verdict=pass, no annotation', () => {
    const run = runAction({ layers: 'conformance', 'wait-for': '5' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.summary, /## ✅ token-suite: PASS \(exit 0\)/);
    assert.match(run.output, /^verdict=pass$/m);
    assert.match(run.output, /^summary=.*summary\.json$/m);
    assert.doesNotMatch(run.stdout, /^::(error|warning)/m);
  });

  it('a failing server: exit 1, ::error per failed MUST (at most 10), and never the password', async () => {
    const { password } = DOCUMENTED_CREDENTIALS; // the configured one: redacted everywhere
    const served = await startServe(['--mutant', 'password-in-error'], {});
    try {
      const run = runAction({ layers: 'conformance', 'base-url': served.url });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
      assert.ok(errors.length >= 1 && errors.length <= 10, errors.join('\n'));
      assert.match(run.output, /^verdict=fail$/m);
      assert.match(run.summary, /### Failed/);
      for (const text of [run.stdout, run.summary]) assert.ok(!text.includes(password), 'the password leaked');
    } finally {
      await served.stop();
    }
  });
});
