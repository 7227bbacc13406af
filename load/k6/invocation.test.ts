// The suite's k6 command lines for every k6 version string in the supported range (>=0.49 <3), and the
// refusal of one outside it. Only k6 v0.49.0 ran here (the other versions' flags are checked against k6's
// release notes, v1.0.0 to v2.2.0, not against a running k6).
import assert from 'node:assert/strict';
import { parseK6Version } from './check.ts';
import { bundleFormat, k6Env, k6InspectArgs, k6RunArgs, versionProblem, type K6Version } from './invocation.ts';

const SUPPORTED = ['0.49.0', '0.54.0', '1.0.0', '1.4.2', '2.0.0', '2.2.0'];
const UNSUPPORTED = ['0.45.0', '3.0.0'];
/** Removed in k6 v2.0.0 (its release notes), so never on a command line of the suite. */
const REMOVED = ['--no-summary', '--summary-mode', '--summary-mode=legacy'];
const versionOf = (text: string) => parseK6Version(`k6 v${text} (go1.24.1, linux/amd64)`) as K6Version;

describe('k6 invocations across k6 versions', () => {
  for (const text of SUPPORTED) {
    it(`k6 v${text}: run and inspect flags, operator segments, no removed flag`, () => {
      const version = versionOf(text);
      assert.equal(versionProblem(version), null);
      const vars = { BASE_URL: 'http://127.0.0.1:1', PROFILE: 'load' };
      assert.deepEqual(k6RunArgs({ version, bundle: 'mix.js', vars }), [
        'run',
        '--quiet',
        '--no-color',
        '-e',
        'BASE_URL=http://127.0.0.1:1',
        '-e',
        'PROFILE=load',
        'mix.js',
      ]);
      const segments = [0, 1, 2, 3].map((index) =>
        k6RunArgs({ version, bundle: 'mix.js', vars: {}, segment: { index, count: 4 } }).slice(3, 7),
      );
      assert.deepEqual(
        segments.map((args) => args[1]),
        ['0:1/4', '1/4:2/4', '2/4:3/4', '3/4:1'],
      );
      for (const args of segments) {
        assert.equal(args[0], '--execution-segment');
        assert.deepEqual(args.slice(2), ['--execution-segment-sequence', '0,1/4,2/4,3/4,1']);
      }
      assert.deepEqual(k6InspectArgs('mix.js', {}), ['inspect', '--include-system-env-vars', 'mix.js']);
      const all = [...k6RunArgs({ version, bundle: 'b.js', vars: {}, segment: { index: 0, count: 2 } })];
      for (const removed of REMOVED) assert.ok(!all.some((arg) => arg.startsWith(removed)), all.join(' '));
    });
  }

  for (const text of UNSUPPORTED) {
    it(`k6 v${text} is refused with a sentence naming the supported range`, () => {
      const version = versionOf(text);
      assert.match(
        versionProblem(version) ?? '',
        new RegExp(`^k6 v${text.replace(/\./g, '\\.')} is .*>=0\\.49\\.0 <3`),
      );
      assert.throws(() => k6RunArgs({ version, bundle: 'mix.js', vars: {} }), /supports|checked against/);
    });
  }

  it('one runner gets no segment flags', () => {
    const args = k6RunArgs({ version: [0, 49, 0], bundle: 'b.js', vars: {}, segment: { index: 0, count: 1 } });
    assert.ok(!args.includes('--execution-segment'));
  });

  it("k6's environment drops what changes handleSummary's data and keeps the rest", () => {
    const env = k6Env({
      K6_SUMMARY_MODE: 'full',
      K6_NO_SUMMARY: 'true',
      K6_NEW_MACHINE_READABLE_SUMMARY: 'true',
      TOKEN_SUITE_PASSWORD: 'p',
      PATH: '/bin',
    });
    assert.deepEqual(env, { TOKEN_SUITE_PASSWORD: 'p', PATH: '/bin', K6_NO_USAGE_REPORT: 'true' });
  });

  it('bundles as CommonJS for k6 before v0.53 (Babel for ES modules), as ES modules from v0.53 (native)', () => {
    const formats = ['0.49.0', '0.52.9', '0.53.0', '0.54.0', '1.0.0', '2.2.0'].map((v) => bundleFormat(versionOf(v)));
    assert.deepEqual(formats, ['cjs', 'cjs', 'esm', 'esm', 'esm', 'esm']);
  });
});
