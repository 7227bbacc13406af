import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requirement, summaryOf } from '../testing/summaries.ts';
import { annotations, appendStepSummary, fitStepSummary, MAX_ANNOTATIONS } from './github.ts';
import { renderMarkdown } from './markdown.ts';

describe('GitHub Actions output (job summary, annotations)', () => {
  const failing = summaryOf([
    ...Array.from({ length: 12 }, (_, i) =>
      requirement(`TOKEN-${String(i + 10)}`, 'fail', [`FAILED 100%, a:b,c\nline`]),
    ),
    requirement('CACHE-01', 'warn'),
    requirement('LOAD-02', 'inconclusive'),
  ]);

  it('annotations only when GITHUB_ACTIONS=true: failing MUSTs first, at most 10, escaped', () => {
    assert.deepEqual(annotations(failing, {}), []);
    const lines = annotations(failing, { GITHUB_ACTIONS: 'true' });
    assert.equal(lines.length, MAX_ANNOTATIONS);
    assert.ok(lines.every((l) => l.startsWith('::error title=TOKEN-')));
    assert.match(lines[0]!, /^::error title=TOKEN-10 failed \(MUST\)::TOKEN-10 title: FAILED 100%25, a:b,c%0Aline$/);
    const few = summaryOf([requirement('CACHE-01', 'warn'), requirement('TOKEN-01', 'fail')]);
    assert.deepEqual(
      annotations(few, { GITHUB_ACTIONS: 'true' }).map((l) => l.slice(0, 9)),
      ['::error t', '::warning'],
    );
  });

  it('summary.md holds the verdict and the failing requirements with one evidence line', () => {
    const md = renderMarkdown(failing);
    assert.match(md, /^## ❌ token-suite: FAIL \(exit 1\)/);
    assert.match(md, /\| `TOKEN-10` \| MUST \| TOKEN-10 title \| FAILED 100%, a:b,c line \|/);
  });

  it('the step summary is appended only when GITHUB_STEP_SUMMARY is set, and cut to fit 1 MiB', () => {
    assert.equal(appendStepSummary('x', {}), false);
    const file = join(mkdtempSync(join(tmpdir(), 'gh-')), 'summary.md');
    writeFileSync(file, 'earlier step\n');
    assert.equal(appendStepSummary('## ours\n', { GITHUB_STEP_SUMMARY: file }), true);
    assert.equal(readFileSync(file, 'utf8'), 'earlier step\n## ours\n');
    const big = 'a line of the summary\n'.repeat(100_000);
    const cut = fitStepSummary(big, 1024 * 1024);
    assert.ok(Buffer.byteLength(cut) <= 1024 * 1024);
    assert.match(cut, /Truncated.*`summary\.md` in the reports artifact/);
    assert.equal(fitStepSummary('small', 1024), 'small');
  });
});
