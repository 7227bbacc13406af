// report.html in a real browser (headless Chromium through playwright-core), from two real `verify`
// runs: `token-suite serve` (passing) and `serve --mutant replay-accepted` (failing). Each
// check looks at what a person sees; a full-page screenshot at 1280 px lands beside each report
// (reports/browser-check/{passing,failing}/report.png) for the CI artifact.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_HINT, findChromium } from '../../testing/chromium.ts';
import { runCli, startServe } from '../../testing/cli.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'reports', 'browser-check');
// The Node engine, pinned: with a k6 on the PATH `auto` would pick k6, and the page then says other words
// about its load generator (this test reads the Node engine's).
const VERIFY = ['verify', '--only', 'conformance,load', '--duration', '3', '--engine', 'node'];
const CAPACITY = ['verify', '--only', 'load', '--find-capacity', '--capacity-start', '2', '--capacity-step', '4'];
CAPACITY.push('--capacity-max', '6', '--capacity-step-seconds', '3');
const CHEAP_HASHING = ['--scrypt-cost', '1024'];
/** This test judges the page, not the server: a busy machine's noise must not turn the passing run red. */
const CALM_JUDGEMENT = { TOKEN_SUITE_LOAD_DEGRADATION_FACTOR: '3' };

interface Opened {
  page: Page;
  errors: string[];
  summary: { verdict: string; load: { series: { endpoints?: unknown }[] } };
  dir: string;
}

async function open(browser: Browser, dir: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Opened['summary'];
  return { page, errors, summary, dir };
}

/** The number of points of every polyline of one chart. */
const chartPoints = (page: Page, chart: string) =>
  page.$$eval(`[data-chart="${chart}"] polyline`, (lines) =>
    lines.map((l) => (l.getAttribute('points') ?? '').trim().split(/\s+/).filter(Boolean).length),
  );

describe('report.html in headless Chromium, from real verify runs', function () {
  const executablePath = findChromium();
  if (!executablePath) {
    it(`is skipped: ${CHROMIUM_HINT}`, function () {
      this.skip();
    });
    return;
  }
  let browser: Browser;
  const reports: Record<'passing' | 'failing' | 'capacity' | 'compared', Opened> = {} as never;

  before(async function () {
    this.timeout(300_000);
    rmSync(ROOT, { recursive: true, force: true });
    // Separate server processes with cheaper password hashing: the token endpoint stays far inside its p95
    // threshold on a busy machine (the passing report must pass), yet still far slower than refresh.
    const reference = await startServe(CHEAP_HASHING);
    const mutant = await startServe(['--mutant', 'replay-accepted', ...CHEAP_HASHING]);
    try {
      // One after the other: two load runs at once on a small machine would push latency over the thresholds.
      const passing = await runCli(
        [...VERIFY, '--base-url', reference.url, '--report-dir', join(ROOT, 'passing')],
        CALM_JUDGEMENT,
      );
      // The same server again, compared with the passing run (--baseline): the report draws both runs.
      const compared = await runCli(
        [...VERIFY, '--base-url', reference.url, '--report-dir', join(ROOT, 'compared')].concat([
          '--baseline',
          join(ROOT, 'passing', 'summary.json'),
        ]),
        CALM_JUDGEMENT,
      );
      const failing = await runCli([...VERIFY, '--base-url', mutant.url, '--report-dir', join(ROOT, 'failing')]);
      assert.equal(passing.code, 0, passing.stdout + passing.stderr);
      // A short run may leave a figure unmeasured (BASE-*, exit 3): this test judges the page.
      assert.ok(compared.code === 0 || compared.code === 3, compared.stdout + compared.stderr);
      assert.equal(failing.code, 1, failing.stdout + failing.stderr);
      // A short capacity search (its verdict is not this test's concern: a report of its ramp is).
      const capacity = await runCli([...CAPACITY, '--base-url', reference.url, '--report-dir', join(ROOT, 'capacity')]);
      assert.ok([0, 1, 3].includes(capacity.code ?? -1), capacity.stdout + capacity.stderr);
    } finally {
      await Promise.all([reference.stop(), mutant.stop()]);
    }
    browser = await chromium.launch({ executablePath });
    reports.passing = await open(browser, join(ROOT, 'passing'));
    reports.failing = await open(browser, join(ROOT, 'failing'));
    reports.capacity = await open(browser, join(ROOT, 'capacity'));
    reports.compared = await open(browser, join(ROOT, 'compared'));
  });
  after(async () => browser?.close());

  for (const [name, verdict] of [
    ['passing', 'PASS'],
    ['failing', 'FAIL'],
  ] as const) {
    describe(`the ${name} report`, () => {
      it('loads without console errors and shows the verdict at the top', async () => {
        const { page, errors } = reports[name];
        assert.deepEqual(errors, []);
        const box = page.locator('.verdict-word');
        assert.match(await box.innerText(), new RegExp(`^Verdict: ${verdict}\\b`));
        assert.ok(((await box.boundingBox())?.y ?? Infinity) < 200, 'the verdict is at the top of the page');
      });

      it('draws the latency and throughput charts with non-empty paths', async () => {
        const { page, summary } = reports[name];
        const perEndpoint = summary.load.series.some((p) => p.endpoints !== undefined);
        const latencyCharts = perEndpoint ? ['latency-token', 'latency-refresh'] : ['latency-all'];
        for (const chart of [...latencyCharts, 'throughput']) {
          const points = await chartPoints(page, chart);
          assert.ok(points.length >= 2 && points.every((n) => n >= 2), `${chart}: ${JSON.stringify(points)}`);
          assert.ok(await page.locator(`[data-chart="${chart}"] svg`).isVisible(), chart);
        }
        const axis = page.locator(`[data-chart="${latencyCharts[0]}"] text`, { hasText: 'seconds since the start' });
        assert.equal(await axis.count(), 1);
      });

      it('shows the load figures table without expanding anything', async () => {
        const { page } = reports[name];
        const table = page.locator('table.figures').first();
        assert.ok(await table.isVisible());
        for (const endpoint of ['POST /v1/token', 'POST /v1/refresh/token'])
          assert.match(await table.innerText(), new RegExp(endpoint.replace(/\//g, '\\/')));
      });

      it('says the load in words a reader needs, and fits the page (no sideways scrolling)', async () => {
        const { page } = reports[name];
        assert.match(await page.locator('.load-model').innerText(), /^Load model: (closed|open) model: \d+/);
        const section = await page.locator('section.load').innerText();
        assert.match(section, /last third's median window p95/);
        assert.doesNotMatch(section, /fifth|Other figures|memoryBytes|·\s*p50/);
        assert.match(section, /The load generator: \d+ worker thread/);
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(fits, 'the page scrolls sideways');
      });

      it('never shows a p99 above the max', async () => {
        const rows = await reports[name].page.$$eval('section.load table.figures:first-of-type tbody tr', (trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
        const ms = (text: string | undefined) => Number((text ?? '').replace(/[^\d.]/g, ''));
        for (const cells of rows) assert.ok(ms(cells[5]) <= ms(cells[6]), `p99 ${cells[5]} > max ${cells[6]}`);
      });

      it("draws a short run's recorded 250 ms windows, not 1 s points", async () => {
        const points = await chartPoints(reports[name].page, 'throughput');
        assert.ok(Math.max(...points) > 4, `a 3 s run drawn with ${JSON.stringify(points)} points`);
        assert.match(await reports[name].page.locator('section.load').innerText(), /Each point is a window of 250 ms/);
      });

      it('wrote a full-page screenshot beside the report', () => {
        const png = readFileSync(join(reports[name].dir, 'report.png'));
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
        assert.equal(png.readUInt32BE(16), 1280, 'width');
      });
    });
  }

  it('the capacity report draws the ramp on one chart: offered against achieved, latency per endpoint', async () => {
    const { page: capacity, errors } = reports.capacity;
    assert.deepEqual(errors, []);
    assert.match(
      await capacity.locator('.capacity-found').innerText(),
      /^(Capacity: [\d.]+ flows\/s|No capacity found)/,
    );
    const figure = capacity.locator('[data-chart="capacity"]');
    assert.ok(await figure.isVisible());
    for (const panel of ['capacity-rates', 'capacity-latency']) {
      const points = await chartPoints(capacity, panel);
      assert.ok(points.length >= 2 && points.every((n) => n >= 2), `${panel}: ${JSON.stringify(points)}`);
    }
    const fits = await capacity.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, 'the page scrolls sideways');
  });

  it('the failing report lists the failures first, each with its key evidence visible', async () => {
    const { page } = reports.failing;
    const statuses = await page.$$eval('table.requirements tr[id^="req-"] .badge', (b) => b.map((x) => x.textContent));
    assert.equal(statuses[0], 'FAIL');
    assert.ok(statuses.lastIndexOf('FAIL') < statuses.indexOf('PASS'));
    const evidence = page.locator('#req-REFRESH-03 pre.key-evidence');
    assert.ok(await evidence.isVisible());
    assert.match(await evidence.innerText(), /FAILED: .*replay/);
  });

  it('with --baseline: baseline and now on the same charts, labelled, and the deltas listed', async () => {
    const { page, errors } = reports.compared;
    assert.deepEqual(errors, []);
    assert.ok(await page.locator('#baseline h2', { hasText: 'Compared with the baseline' }).isVisible());
    for (const endpoint of ['token', 'refresh']) {
      for (const chart of [`baseline-latency-${endpoint}`, `baseline-throughput-${endpoint}`]) {
        assert.ok(await page.locator(`[data-chart="${chart}"] svg`).isVisible(), chart);
        const points = await chartPoints(page, chart);
        assert.ok(points.length >= 2 && points.every((n) => n >= 2), `${chart}: ${JSON.stringify(points)}`);
        // SVG text has no innerText (an HTMLElement property): its textContent.
        const legend = await page.locator(`[data-chart="${chart}"] svg text`).allTextContents();
        assert.ok(legend.some((t) => t.startsWith('baseline')) && legend.some((t) => t.startsWith('now')), chart);
      }
    }
    const deltas = page.locator('[data-table="baseline-deltas"]');
    assert.ok(await deltas.isVisible());
    const text = await deltas.innerText();
    for (const figure of ['throughput', 'p50 latency', 'p95 latency', 'p99 latency', 'error rate'])
      assert.ok(text.includes(figure), figure);
    assert.match(text, /95% interval/);
  });
});
