// Every report states, at its top, each setting that loosened a requirement and what it loosened.
import assert from 'node:assert/strict';
import { renderVerdictBlock } from '../reporting/console/verdict.ts';
import { renderHtml } from '../reporting/html/page.ts';
import { renderJunit } from '../reporting/junit.ts';
import { requirement, summaryOf } from '../testing/summaries.ts';
import { assertValidSummary } from '../verdict/summary.ts';
import { loosenedRequirements } from './loosened.ts';

const ALL = ['conformance', 'contract', 'load'] as const;

describe('settings that loosened a requirement', () => {
  it('names nothing at the default bar, nor thresholds tightened below their defaults', () => {
    assert.deepEqual(loosenedRequirements({ rotationGraceSeconds: 0, only: ALL }, {}), []);
    const tighter = { TOKEN_SUITE_LOAD_P95_TOKEN_MS: '200', TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '0' };
    assert.deepEqual(loosenedRequirements({ rotationGraceSeconds: 0, only: ALL }, tighter), []);
  });

  it('names the grace and every threshold above its default, with the requirement it loosened', () => {
    const env = {
      TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '0.2',
      TOKEN_SUITE_LOAD_P95_TOKEN_MS: '4000',
      TOKEN_SUITE_LOAD_P95_REFRESH_MS: '900',
      TOKEN_SUITE_LOAD_DEGRADATION_FACTOR: '5',
      TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS: '50',
    };
    const lines = loosenedRequirements({ rotationGraceSeconds: 2, only: ALL }, env);
    assert.equal(lines.length, 6, lines.join('\n'));
    assert.match(lines[0]!, /^--rotation-grace 2: .*REFRESH-03.*REFRESH-04.*TOKEN-12/);
    assert.match(lines[1]!, /^TOKEN_SUITE_LOAD_MAX_ERROR_RATE=0.2 \(default 0.01\): LOAD-01 tolerates up to 20%/);
    assert.match(lines[2]!, /TOKEN_SUITE_LOAD_P95_TOKEN_MS=4000 \(default 1000\): LOAD-02/);
    assert.match(lines[3]!, /TOKEN_SUITE_LOAD_P95_REFRESH_MS=900 \(default 500\): LOAD-02/);
    assert.match(lines[4]!, /TOKEN_SUITE_LOAD_DEGRADATION_FACTOR=5 \(default 1.4\): LOAD-06/);
    assert.match(lines[5]!, /TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS=50 \(default 1\): LOAD-06/);
  });

  it('does not name load thresholds when the load layer does not run', () => {
    const env = { TOKEN_SUITE_LOAD_MAX_ERROR_RATE: '0.2' };
    assert.deepEqual(loosenedRequirements({ rotationGraceSeconds: 0, only: ['conformance'] }, env), []);
  });

  it('tops summary.json, report.html, the JUnit properties and the console block', () => {
    const loosened = ['--rotation-grace 2: a used refresh token may work again'];
    const summary = summaryOf([requirement('TOKEN-01', 'fail')], { loosened, notes: ['a note'] });
    assertValidSummary(summary);
    const keys = Object.keys(summary);
    assert.equal(keys.indexOf('loosened'), keys.indexOf('verdict') + 1, 'loosened follows the verdict');
    const html = renderHtml(summary);
    assert.ok(html.indexOf('Settings that loosened requirements') < html.indexOf('TOKEN-01 title'));
    assert.ok(html.indexOf(loosened[0]!) < html.indexOf('a note'));
    const junit = renderJunit(summary);
    assert.match(junit, /<properties>\n {6}<property name="loosened" value="--rotation-grace 2: [^"]*"\/>/);
    const block = renderVerdictBlock(summary).split('\n');
    assert.match(block[1]!, /^Loosened by settings/);
    assert.equal(block[2], `  - ${loosened[0]}`);
  });
});

describe('junit.xml and inconclusive requirements', () => {
  it('a MUST without evidence is an <error>; a SHOULD without evidence is not (it cannot fail the run)', () => {
    const should = { ...requirement('ERROR-01', 'inconclusive'), level: 'SHOULD' as const };
    const junit = renderJunit(summaryOf([requirement('TOKEN-01', 'inconclusive'), should]));
    assert.match(junit, /<testsuites [^>]*errors="1"/);
    assert.match(junit, /name="TOKEN-01 \[MUST\][^"]*"><error /);
    assert.match(junit, /name="ERROR-01 \[SHOULD\][^"]*"><system-out>INCONCLUSIVE \(a SHOULD\)/);
  });
});
