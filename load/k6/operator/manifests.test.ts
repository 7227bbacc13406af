// The k6-operator manifests in this folder, each document checked as strictly as `kubectl apply
// --validate=strict` against its schema (an unknown field is an error: a cluster without strict validation
// drops it silently): the TestRun against the k6-operator v1.6.0 CRD (testing/k6-operator/), the Kubernetes
// kinds against @kubernetes/client-node's models (testing/k8s-schemas.ts). And they work together: the
// runners point at the collector's Service, expect the same run and runner count, read the bundle's
// ConfigMap and the credentials' Secret, and run a pinned, supported k6. No cluster was used.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { crdSchema } from '../../../testing/k6-operator/crd-schema.ts';
import { k8sSchema } from '../../../testing/k8s-schemas.ts';
import type {
  V1Job,
  V1PersistentVolumeClaim,
  V1Secret,
  V1Service,
} from '@kubernetes/client-node/dist/gen/models/all.js';
import { MIN_K6_VERSION, versionProblem, type K6Version } from '../invocation.ts';

type Doc = Record<string, unknown> & { kind?: string; apiVersion?: string; metadata?: { name?: string } };
interface TestRun {
  spec: {
    parallelism: number;
    arguments: string;
    script: { configMap: { name: string; file: string } };
    runner: { image: string; env: { name: string; value: string }[]; envFrom: { secretRef: { name: string } }[] };
  };
}

const HERE = new URL('./', import.meta.url);
const CRD = new URL('../../../testing/k6-operator/k6.io_testruns.yaml', import.meta.url).pathname;
const files = readdirSync(HERE).filter((file) => file.endsWith('.yaml'));
const docsOf = (file: string) =>
  parseAllDocuments(readFileSync(new URL(file, HERE), 'utf8')).map((d) => d.toJS() as Doc);
const all = files.flatMap((file) => docsOf(file).map((doc) => ({ file, doc })));

const ajv = new Ajv({ strict: false, allErrors: true });
const validators: Record<string, ValidateFunction> = {
  TestRun: ajv.compile(crdSchema(CRD, 'v1alpha1')),
  Service: ajv.compile(k8sSchema('V1Service')),
  Job: ajv.compile(k8sSchema('V1Job')),
  Deployment: ajv.compile(k8sSchema('V1Deployment')),
  PersistentVolumeClaim: ajv.compile(k8sSchema('V1PersistentVolumeClaim')),
  Secret: ajv.compile(k8sSchema('V1Secret')),
  ConfigMap: ajv.compile(k8sSchema('V1ConfigMap')),
};
const API_VERSIONS: Record<string, string> = {
  TestRun: 'k6.io/v1alpha1',
  Service: 'v1',
  Job: 'batch/v1',
  Deployment: 'apps/v1',
  PersistentVolumeClaim: 'v1',
  Secret: 'v1',
  ConfigMap: 'v1',
};

function errorsOf(doc: Doc): string[] {
  const kind = doc.kind ?? '';
  const validate = validators[kind];
  if (!validate) return [`no schema for kind ${kind}`];
  if (doc.apiVersion !== API_VERSIONS[kind]) return [`apiVersion ${doc.apiVersion} of ${kind}`];
  return validate(doc)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The one document of `kind`, typed as what the test reads of it (its schema checks the whole). */
function only<T>(kind: string): T & Doc {
  const found = all.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc);
  assert.equal(found.length, 1, `one ${kind}`);
  return found[0] as T & Doc;
}

/** A copy of `doc` changed by `change` (which may break its shape: that is the point). */
function broken<T>(doc: T, change: (copy: T) => void): Doc {
  const copy = structuredClone(doc);
  change(copy);
  return copy as Doc;
}
const loose = (value: unknown) => value as Record<string, unknown>;
const argAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('k6-operator manifests', () => {
  for (const { file, doc } of all)
    it(`${file}: ${doc.kind} ${doc.metadata?.name ?? '?'} is valid with unknown fields as errors`, () => {
      assert.deepEqual(errorsOf(doc), []);
    });

  it('the checks refuse an unknown field, a misplaced one and a wrong type in every kind (they can fail)', () => {
    const testRun = only<TestRun>('TestRun');
    const job = only<V1Job>('Job');
    const container = (j: V1Job) => loose(j.spec!.template.spec!.containers[0]);
    const variants: Doc[] = [
      broken(testRun, (t) => (loose(t.spec).paralellism = 4)),
      broken(testRun, (t) => (t.spec.runner.envFrom = [loose({ secretRef: { name: 's', key: 'k' } }) as never])),
      broken(testRun, (t) => (loose(t.spec).parallelism = 'four')),
      broken(job, (j) => (container(j).imagePullPolicyy = 'Always')),
      broken(job, (j) => (loose(j.spec!.template.spec).env = [])),
      broken(job, (j) => (container(j).ports = [{ containerPort: '8070' }])),
      broken(only<V1Service>('Service'), (s) => (loose(s.spec!.ports![0]).targetport = 8070)),
      broken(only<V1Secret>('Secret'), (s) => (loose(s).stringdata = {})),
      broken(
        only<V1PersistentVolumeClaim>('PersistentVolumeClaim'),
        (c) => (loose(c.spec).accessModes = 'ReadWriteOnce'),
      ),
    ];
    for (const doc of variants) assert.notDeepEqual(errorsOf(doc), [], JSON.stringify(doc).slice(0, 200));
  });

  it("the bundle's ConfigMap (as `kubectl create configmap` makes it) is valid and is the TestRun's", () => {
    const testRun = only<TestRun>('TestRun');
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'token-suite-k6' },
      data: { 'mix.js': '// bundle' },
    };
    assert.deepEqual(errorsOf(configMap), []);
    assert.equal(testRun.spec.script.configMap.name, configMap.metadata.name);
    assert.ok(Object.keys(configMap.data).includes(testRun.spec.script.configMap.file));
  });

  it('the runners point at the collector, which expects their run and their number', () => {
    const testRun = only<TestRun>('TestRun');
    const service = only<V1Service>('Service');
    const job = only<V1Job>('Job');
    const pod = job.spec!.template;
    const container = pod.spec!.containers[0]!;
    const args = container.args!;
    const env = Object.fromEntries(testRun.spec.runner.env.map((e) => [e.name, e.value]));
    const port = service.spec!.ports![0]!;
    assert.equal(env.TOKEN_SUITE_K6_COLLECTOR_URL, `http://${service.metadata!.name}:${port.port}`);
    assert.equal(argAfter(args, '--listen'), `0.0.0.0:${port.targetPort}`);
    assert.equal(container.ports![0]!.containerPort, port.targetPort);
    for (const [key, value] of Object.entries(service.spec!.selector!))
      assert.equal(pod.metadata!.labels![key], value, key);
    assert.equal(argAfter(args, '--runners'), String(testRun.spec.parallelism));
    assert.equal(argAfter(args, '--run-id'), env.TOKEN_SUITE_RUN_ID);
    assert.ok(testRun.spec.arguments.includes(`-e BASE_URL=${argAfter(args, '--base-url')}`));
    assert.equal(args[0], 'collect');
    assert.equal(pod.spec!.restartPolicy, 'Never');
    const claim = pod.spec!.volumes![0]!.persistentVolumeClaim!.claimName;
    assert.equal(claim, only<V1PersistentVolumeClaim>('PersistentVolumeClaim').metadata!.name);
    assert.equal(argAfter(args, '--report-dir'), container.volumeMounts![0]!.mountPath);
  });

  it('the credentials come from the Secret, which has the variables the bundle reads', () => {
    const testRun = only<TestRun>('TestRun');
    const secret = only<V1Secret>('Secret');
    assert.equal(testRun.spec.runner.envFrom[0]!.secretRef.name, secret.metadata!.name);
    assert.deepEqual(Object.keys(secret.stringData!).sort(), [
      'TOKEN_SUITE_CLIENT_ID',
      'TOKEN_SUITE_PASSWORD',
      'TOKEN_SUITE_USERNAME',
    ]);
    assert.ok(!/PASSWORD|USERNAME|CLIENT_ID/.test(testRun.spec.arguments), 'no credential on the command line');
  });

  it('the runner image is pinned to the tested k6, in the supported range, with no flag k6 v2 removed', () => {
    const testRun = only<TestRun>('TestRun');
    const tag = /^grafana\/k6:(\d+)\.(\d+)\.(\d+)$/.exec(testRun.spec.runner.image);
    assert.ok(tag, `pinned: ${testRun.spec.runner.image}`);
    const version = tag.slice(1).map(Number) as unknown as K6Version;
    assert.equal(versionProblem(version), null);
    assert.deepEqual(version, MIN_K6_VERSION, 'the k6 the suite runs in its tests (v0.49.0)');
    assert.ok(!/--no-summary|--summary-mode/.test(testRun.spec.arguments));
  });
});
