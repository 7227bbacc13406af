import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { validateSummary } from '../schemas/validators.ts';
import { Redactor } from './redact.ts';
import { buildSummary, type Summary } from './summary.ts';
import { renderHtml } from '../reporting/html/page.ts';
import { renderJunit } from '../reporting/junit.ts';

const TOKEN = `2faafd13b0f64a388c57de929a8b6a54${'X1'.repeat(112)}`;
const BASE64_TOKEN = 'q8Z+3kP/7fT2nR0a9Lw4yXc1Vb6Hs5Jd8Mg3Ne2Ku7Ai0Ot9Ep4Ry1Sq6Wz/+5Bx8Fh3Gj2Kl==';

function summaryWith(evidence: string[], notes: string[] = []): Summary {
  return buildSummary({
    target: 'http://127.0.0.1:8080',
    embedded: false,
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    interrupted: false,
    layers: ['conformance'],
    load: { engine: 'node', rps: 10 },
    notes,
    requirements: [
      {
        id: 'SECRET-01',
        title: 'pass null 2026',
        level: 'MUST',
        status: 'fail',
        source: 's',
        layer: 'conformance',
        evidence,
      },
    ],
  });
}

describe('redaction of reports', () => {
  it('replaces the password, as typed, percent- and form-encoded, with ***', () => {
    const redactor = new Redactor('S3cret!Pa55 x');
    const out = redactor.summary(
      summaryWith(['body had "pw S3cret!Pa55 x"', 'S3cret%21Pa55%20x in a URL', 'S3cret%21Pa55+x in a form']),
    );
    const text = JSON.stringify(out);
    assert.ok(!text.includes('S3cret'), text);
    assert.match(out.requirements[0]!.evidence[0]!, /pw \*\*\*/);
  });

  it(
    'keeps summary.json valid and its structure whole whatever the password is: pass, null, ' +
      '2026, a quote, one letter',
    () => {
      for (const password of ['pass', 'null', '2026', '"', 'a', 'fail', 'MUST', 'Q7!']) {
        const redactor = new Redactor(password);
        const out = redactor.summary(
          summaryWith([`echoed ${password} and ${encodeURIComponent(password)}`], [`note ${password}`]),
        );
        const valid = validateSummary(out);
        assert.ok(valid.ok, `${password}: ${valid.ok ? '' : valid.message}`);
        assert.deepEqual(
          [out.verdict, out.requirements[0]!.status, out.requirements[0]!.id],
          ['fail', 'fail', 'SECRET-01'],
        );
        assert.ok(
          !out.requirements[0]!.evidence[0]!.includes(password),
          `${password} left in ${out.requirements[0]!.evidence[0]}`,
        );
        assert.match(out.requirements[0]!.evidence[0]!, /^echoed \*\*\* \S+ \*\*\*$/);
        assert.deepEqual(out.notes, ['note ***']);
        // The reports rendered from it stay whole: the redacted line shows, the XML is well-formed.
        assert.match(renderHtml(out), /echoed \*\*\* /);
        const junit = renderJunit(out);
        assert.equal(XMLValidator.validate(junit), true, `${password}: ${junit}`);
        assert.match(junit, /<testcase [^>]*name="SECRET-01[^"]*"[^>]*>\s*<failure/);
      }
    },
  );

  it('redacts a short password (Q7!) in every encoding it travels in', () => {
    const redactor = new Redactor('Q7!');
    assert.equal(redactor.text('pw=Q7! password=Q7%21 json "Q7!"'), 'pw=*** password=*** json "***"');
  });

  it('cuts tokens the run saw wherever they appear, and unseen token-like runs by their shape (base64 too)', () => {
    const redactor = new Redactor('pw-not-here');
    const seen = 'opaque.token-with.dots-and-1-2-3';
    redactor.addToken(seen);
    const line = redactor.text(`a ${TOKEN} b ${BASE64_TOKEN} c ${seen} d`);
    assert.ok(!line.includes(TOKEN) && !line.includes(BASE64_TOKEN) && !line.includes(seen), line);
    assert.match(line, /2faafd…\(256 chars\)/);
  });

  it('leaves paths, URLs and ordinary words alone', () => {
    const redactor = new Redactor('pw-not-here');
    const line =
      'POST http://127.0.0.1:8080/v1/refresh/token at /work/main/node_modules/ajv/lib/compile/validate/index.ts';
    assert.equal(redactor.text(line), line);
  });

  it('drops credentials written into the target URL', () => {
    const out = new Redactor('x').summary({ ...summaryWith([]), target: 'https://user:secret@auth.example.com' });
    assert.equal(out.target, 'https://auth.example.com');
  });
});
