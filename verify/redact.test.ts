import assert from 'node:assert/strict';
import { redactSummary } from './redact.ts';
import { buildSummary } from './summary.ts';

const TOKEN = `2faafd13b0f64a388c57de929a8b6a54${'X'.repeat(224)}`;

describe('redaction of reports', () => {
  const summary = redactSummary(
    buildSummary({
      target: 'http://127.0.0.1:8080',
      embedded: false,
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      interrupted: false,
      layers: ['conformance'],
      load: null,
      requirements: [
        {
          id: 'SECRET-01',
          title: 't',
          level: 'MUST',
          status: 'fail',
          source: 's',
          layer: 'conformance',
          evidence: [`body had "pw S3cret!Pa55" and ${TOKEN}`, 'S3cret%21Pa55 in a URL'],
        },
      ],
    }),
    'S3cret!Pa55',
  );
  const text = JSON.stringify(summary);

  it('replaces the password, as typed and percent-encoded, with ***', () => {
    assert.ok(!text.includes('S3cret!Pa55') && !text.includes('S3cret%21Pa55'));
    assert.match(summary.requirements[0]!.evidence.join('\n'), /pw \*\*\*/);
  });

  it('cuts a whole token in the evidence to a 6-character prefix and its length', () => {
    assert.ok(!text.includes(TOKEN));
    assert.match(summary.requirements[0]!.evidence[0]!, /2faafd…\(256 chars\)/);
  });

  it('leaves the target and the verdict alone', () => {
    assert.deepEqual([summary.target, summary.verdict], ['http://127.0.0.1:8080', 'fail']);
  });
});
