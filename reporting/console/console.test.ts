// The console renderers: one line per requirement, a closing block that repeats no pass, and the live
// load line (redrawn in place on a TTY, periodic plain lines in a CI log, nothing when quiet).
import assert from 'node:assert/strict';
import { requirement, summaryOf } from '../../testing/summaries.ts';
import type { LoadProgress } from '../../verdict/types.ts';
import { createLoadProgressView, renderLoadProgress } from './load-progress.ts';
import { renderRequirementLine } from './requirement.ts';
import { renderVerdictBlock } from './verdict.ts';

const figures = (elapsedSeconds: number, extra: Partial<LoadProgress> = {}): LoadProgress => ({
  elapsedSeconds,
  totalSeconds: 30,
  requests: 1234 * elapsedSeconds,
  rps: 1234,
  errors: 0,
  violations: 0,
  ...extra,
});

describe('console: requirement lines and the verdict block', () => {
  const summary = summaryOf(
    [
      requirement('TOKEN-01', 'pass'),
      requirement('TOKEN-08', 'warn', ['FAILED: no Cache-Control header']),
      requirement('REFRESH-03', 'fail', ['ok: first refresh', 'FAILED: replay → 200 with a token']),
    ],
    { notes: ['TLS verification is off (--insecure)'] },
  );

  it('prints a requirement as one line: status, id, level, title', () => {
    assert.equal(renderRequirementLine(summary.requirements[2]!), '  FAIL REFRESH-03  MUST   REFRESH-03 title');
  });

  it('ends with the failures and warnings and their key evidence, never the passes again', () => {
    const block = renderVerdictBlock(summary, ['reports/summary.json']);
    assert.doesNotMatch(block, /TOKEN-01/);
    assert.match(block, /Failed:\n {2}REFRESH-03 +REFRESH-03 title\n +FAILED: replay → 200 with a token/);
    assert.match(block, /Warnings \(SHOULD requirements not met\):\n {2}TOKEN-08/);
    assert.ok(block.indexOf('Failed:') < block.indexOf('Warnings'));
  });

  it('names the notes and the reports, and ends with the verdict line and its exit code', () => {
    const lines = renderVerdictBlock(summary, ['reports/summary.json']).split('\n');
    assert.ok(lines.includes('  - TLS verification is off (--insecure)'));
    assert.ok(lines.includes('reports: reports/summary.json'));
    assert.equal(lines.at(-1), 'verdict: FAIL — 1 passed, 1 failed, 1 warnings, 0 inconclusive (exit 1)');
  });

  it('on verdict error says why the suite could not run', () => {
    const error = summaryOf([], { verdict: 'error', error: 'Cannot reach http://127.0.0.1:9 (ECONNREFUSED).' });
    assert.match(renderVerdictBlock(error), /verdict: ERROR — the suite could not run \(exit 2\): Cannot reach/);
  });
});

describe('console: the live load line', () => {
  it('shows elapsed/total, req/s, requests, errors and rotation violations so far', () => {
    assert.equal(
      renderLoadProgress(figures(12.6, { errors: 3, violations: 1 })),
      'load 12/30 s · 1,234 req/s · 15,548 requests · 3 errors · 1 rotation violation',
    );
  });

  it('on a TTY redraws one line in place every update, and ends it with a newline', () => {
    const view = createLoadProgressView({ tty: true, quiet: false });
    const writes = [1, 2, 3].map((s) => view.update(figures(s)));
    // eslint-disable-next-line no-control-regex -- ESC [K (erase to the end of the line) is what it looks for
    for (const w of writes) assert.match(w, /^\r[^\n]*load \d+\/30 s[^\n]*\x1b\[K$/);
    assert.equal(view.finish(), '\n');
  });

  it('without a TTY writes a plain line every 5 s, and the last figures once at the end', () => {
    const view = createLoadProgressView({ tty: false, quiet: false });
    const writes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((s) => view.update(figures(s)));
    const printed = writes.filter(Boolean);
    assert.deepEqual(
      printed.map((w) => /load (\d+)\/30/.exec(w)?.[1]),
      ['1', '6', '11'],
    );
    // eslint-disable-next-line no-control-regex -- a log must hold no terminal escape (ESC): that is the point
    for (const w of printed) assert.doesNotMatch(w, /\r|\x1b/);
    assert.match(view.finish(), /^load 12\/30 s .*\n$/);
  });

  it('finishes once: called again (before any later line), it writes nothing, so no progress follows a result', () => {
    for (const tty of [true, false]) {
      const view = createLoadProgressView({ tty, quiet: false });
      view.update(figures(3));
      view.update(figures(4));
      assert.match(view.finish(), /\n$/);
      assert.equal(view.finish(), '');
    }
  });

  it('writes nothing when quiet', () => {
    for (const tty of [true, false]) {
      const view = createLoadProgressView({ tty, quiet: true });
      assert.equal([1, 6, 11].map((s) => view.update(figures(s))).join('') + view.finish(), '');
    }
  });
});
