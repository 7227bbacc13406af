import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliRun } from '../testing/cli.ts';
import { readSummary, tempDir } from '../testing/reports.ts';
import { validateSummary } from '../schemas/validators.ts';
import { CONFORMANCE } from '../conformance/catalog.ts';

describe('token-suite verify against the embedded reference server', () => {
  const dir = tempDir();
  let run: CliRun;
  before(async () => (run = await runCli(['verify', '--only', 'conformance', '--report-dir', dir])));

  it('exits 0 with every MUST requirement passed', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /verdict: PASS/);
  });

  it('writes a summary.json matching its published schema, one entry per requirement, each with its minimum', () => {
    const summary = readSummary(dir);
    const valid = validateSummary(summary);
    assert.ok(valid.ok, valid.ok ? '' : valid.message);
    assert.equal(summary.requirements.length, CONFORMANCE.length);
    assert.equal(summary.embedded, true);
    assert.ok(summary.requirements.every((r) => (r.minimum ?? '').length > 10));
    assert.match(summary.notes.join('\n'), /scrypt cost 1024/);
  });

  it('writes junit.xml with one test case per requirement, and a self-contained report.html', () => {
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    assert.equal(junit.match(/<testcase /g)?.length, CONFORMANCE.length);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /PASS/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=["']?https?:/);
  });

  it('never prints the password or a whole token', () => {
    const everything = run.stdout + run.stderr + readFileSync(join(dir, 'summary.json'), 'utf8');
    assert.ok(!everything.includes('12312312'));
    assert.doesNotMatch(everything, /[0-9a-f]{32}[A-Za-z0-9]{224}/);
  });
});
