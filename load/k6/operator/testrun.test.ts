// Every k6-operator manifest in this folder is a valid TestRun for the k6-operator v1.6.0 CRD, checked as
// strictly as `kubectl apply --validate=strict` (testing/k6-operator/: the CRD copied with its source and
// licence), and runs the bundle docs/k6.md builds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { crdSchema } from '../../../testing/k6-operator/crd-schema.ts';

const HERE = new URL('./', import.meta.url);
const CRD = new URL('../../../testing/k6-operator/k6.io_testruns.yaml', import.meta.url).pathname;
const manifests = readdirSync(HERE).filter((file) => file.endsWith('.yaml'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(crdSchema(CRD, 'v1alpha1'));
/** The parts of a TestRun this test reads (the CRD schema checks the whole). */
interface TestRun {
  apiVersion: string;
  kind: string;
  spec: { script: { configMap: { file: string } }; runner?: Record<string, unknown> };
}
const testRuns = (file: string) =>
  parseAllDocuments(readFileSync(new URL(file, HERE), 'utf8')).map((d) => d.toJS() as TestRun);
const errorsOf = (doc: unknown) =>
  validate(doc)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

describe('k6-operator manifests', () => {
  it('there is at least one', () => assert.ok(manifests.length > 0));

  for (const file of manifests) {
    it(`${file} is a TestRun the CRD accepts with unknown fields as errors`, () => {
      for (const doc of testRuns(file)) {
        assert.equal(doc.apiVersion, 'k6.io/v1alpha1');
        assert.equal(doc.kind, 'TestRun');
        assert.deepEqual(errorsOf(doc), []);
        assert.match(doc.spec.script.configMap.file, /^(mix|password|race|refresh-chain)\.js$/);
      }
    });
  }

  it('the check rejects an unknown field, a misplaced one and a wrong type (it can fail)', () => {
    const doc = testRuns(manifests[0]!)[0]!;
    const broken = [
      { ...doc, spec: { ...doc.spec, paralellism: 4 } },
      {
        ...doc,
        spec: { ...doc.spec, runner: { ...doc.spec.runner, envFrom: [{ secretRef: { name: 's', key: 'k' } }] } },
      },
      { ...doc, spec: { ...doc.spec, parallelism: 'four' } },
    ];
    for (const manifest of broken)
      assert.notDeepEqual(errorsOf(manifest), [], JSON.stringify(manifest.spec).slice(0, 200));
  });
});
