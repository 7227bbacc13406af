// report.html's structure: every verdict in its box, notes at the top, failures first with their key
// evidence unexpanded, and one self-contained page. (The browser test renders real runs in Chromium.)
import assert from 'node:assert/strict';
import { requirement, summaryOf } from '../../testing/summaries.ts';
import { renderHtml } from './page.ts';

const interruptedRun = { verdict: 'interrupted', interrupted: true } as const;
const outsideDetails = (html: string) => html.replace(/<details>[\s\S]*?<\/details>/g, '');

describe('report.html', () => {
  const mixed = summaryOf([
    requirement('TOKEN-01', 'pass'),
    requirement('TOKEN-08', 'warn', ['ok: one', 'FAILED: no Cache-Control header']),
    requirement('LOAD-02', 'inconclusive', ['INCONCLUSIVE: only 3 samples of POST /v1/token']),
    requirement('REFRESH-03', 'fail', ['ok: the first refresh returned a pair', 'FAILED: replay → 200 with a token']),
  ]);

  it('lists failures first, then inconclusive, then warnings, then passes', () => {
    const html = renderHtml(mixed);
    const at = (id: string) => html.indexOf(`id="req-${id}"`);
    assert.ok(at('REFRESH-03') > 0);
    assert.ok(at('REFRESH-03') < at('LOAD-02') && at('LOAD-02') < at('TOKEN-08') && at('TOKEN-08') < at('TOKEN-01'));
  });

  it('shows the key evidence of failed and inconclusive requirements without expanding anything', () => {
    const visible = outsideDetails(renderHtml(mixed));
    assert.match(visible, /FAILED: replay → 200 with a token/);
    assert.match(visible, /INCONCLUSIVE: only 3 samples/);
    assert.doesNotMatch(visible, /TOKEN-01 evidence/, 'a pass keeps its evidence folded');
  });

  it('draws the verdict box for every verdict, with its exit code', () => {
    const cases = [
      [summaryOf([requirement('TOKEN-01', 'pass')]), /Verdict: <strong>PASS<\/strong>[\s\S]*\(exit code 0\)/],
      [mixed, /Verdict: <strong>FAIL<\/strong>[\s\S]*\(exit code 1\)/],
      [summaryOf([requirement('LOAD-02', 'inconclusive')]), /Verdict: <strong>INCONCLUSIVE<[\s\S]*\(exit code 3\)/],
      [summaryOf([requirement('TOKEN-01', 'pass')], interruptedRun), /INTERRUPTED[\s\S]*\(exit code 130\)/],
    ] as const;
    for (const [summary, pattern] of cases) assert.match(renderHtml(summary), pattern, summary.verdict);
  });

  it('on verdict error shows the sentence that says why, and no requirement table', () => {
    const error = summaryOf([], { verdict: 'error', error: 'Cannot reach http://127.0.0.1:9 (ECONNREFUSED).' });
    const html = renderHtml(error);
    assert.match(html, /Verdict: <strong>ERROR<\/strong>[\s\S]*\(exit code 2\)/);
    assert.match(html, /The suite could not run: Cannot reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)\./);
    assert.doesNotMatch(html, /<table class="requirements"/);
  });

  it('shows the notes at the top, before the requirements', () => {
    const notes = ['TLS verification is off (--insecure)'];
    const html = renderHtml(summaryOf([requirement('TOKEN-01', 'pass')], { notes }));
    assert.ok(html.indexOf('TLS verification is off (--insecure)') < html.indexOf('id="requirements"'));
    assert.ok(html.indexOf('TLS verification is off') > html.indexOf('class="verdict'));
  });

  it('is one self-contained page: no scripts, no external assets, escaped evidence', () => {
    const hostile = requirement('SECRET-01', 'fail', ['FAILED: body was <script>alert(1)</script>']);
    const html = renderHtml(summaryOf([hostile]));
    assert.doesNotMatch(html, /<script|<link|<img|src=|@import|url\(/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});
