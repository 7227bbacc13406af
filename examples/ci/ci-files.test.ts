// The CI recipes users copy: the GitHub workflow and the composite action validated strictly, offline, against
// GitHub's own workflow and action schemas (@actions/workflow-parser, the parser of GitHub's language services);
// the GitLab file structurally (no GitLab schema ships in an npm package we use). Every token-suite flag they
// pass must exist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { parse } from 'yaml';
import { VERIFY_SETTINGS } from '../../settings/verify.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const trace = new NoOperationTraceWriter();
const workflowErrors = (content: string) =>
  parseWorkflow({ name: 'workflow.yml', content }, trace)
    .context.errors.getErrors()
    .map((e) => e.message);
const actionErrors = (content: string) =>
  parseAction({ name: 'action.yml', content }, trace)
    .context.errors.getErrors()
    .map((e) => e.message);
const FLAGS = new Set(Object.values(VERIFY_SETTINGS).flatMap((s) => (s.flag ? [`--${s.flag}`] : [])));

/** The --flags of every `token-suite.js verify` command in a text (continued lines joined). */
function verifyFlags(text: string): string[] {
  const joined = text.replace(/\\\n\s*/g, ' ').replace(/\n\s{6,}--/g, ' --');
  const commands = joined.split('\n').filter((line) => /token-suite\.js"? verify|args\+?=\(/.test(line));
  assert.ok(commands.length > 0, 'no token-suite verify command found');
  return commands.flatMap((line) => line.match(/--[a-z][a-z-]+/g) ?? []);
}

describe('CI recipes (examples/ci, action.yml)', () => {
  const workflow = read('examples/ci/github-actions.yml');
  const action = read('action.yml');
  const gitlab = read('examples/ci/gitlab-ci.yml');

  it("the GitHub workflow passes GitHub's workflow schema, and a broken copy does not", () => {
    assert.deepEqual(workflowErrors(workflow), []);
    assert.notDeepEqual(workflowErrors(workflow.replace('runs-on:', 'runs-onn:')), []);
  });

  it('the workflow starts the server, waits for it, keeps the baseline, uploads the reports and the JUnit file', () => {
    const steps = (parse(workflow) as { jobs: { verify: { steps: { uses?: string; run?: string }[] } } }).jobs.verify
      .steps;
    const uses = steps.map((s) => s.uses ?? '');
    for (const action of ['actions/cache/restore@', 'actions/cache/save@', 'actions/upload-artifact@'])
      assert.ok(
        uses.some((u) => u.startsWith(action)),
        action,
      );
    assert.ok(uses.some((u) => /junit/.test(u)));
    const runs = steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /nohup .*&/);
    assert.match(runs, /--wait-for \d+/);
    assert.match(runs, /--baseline baseline\/summary\.json/);
  });

  it("the composite action passes GitHub's action schema, and a broken copy does not", () => {
    assert.deepEqual(actionErrors(action), []);
    assert.notDeepEqual(actionErrors(action.replace('using: composite', 'using: compost')), []);
    const inputs = Object.keys((parse(action) as { inputs: Record<string, unknown> }).inputs);
    for (const name of ['base-url', 'layers', 'duration', 'baseline']) assert.ok(inputs.includes(name), name);
  });

  it('the GitLab job runs verify and reports JUnit, always', () => {
    const job = (parse(gitlab) as Record<string, Record<string, unknown>>)['token-suite']!;
    assert.ok(Array.isArray(job.script) && job.script.length > 0);
    const artifacts = job.artifacts as { when: string; reports: { junit: string } };
    assert.equal(artifacts.when, 'always');
    assert.equal(artifacts.reports.junit, 'reports/junit.xml');
    assert.ok((job.cache as { paths: string[] }).paths.includes('baseline/'));
  });

  it('every token-suite flag the recipes pass exists', () => {
    for (const text of [workflow, gitlab, action])
      for (const flag of verifyFlags(text)) assert.ok(FLAGS.has(flag), `${flag} is not a verify flag`);
    assert.ok(verifyFlags(action).includes('--baseline'));
    assert.ok(verifyFlags(action.replace('--wait-for', '--wait-four')).includes('--wait-four'));
  });
});
