// A CustomResourceDefinition's openAPIV3Schema as a JSON Schema ajv can check manifests with, as strictly
// as `kubectl apply --validate=strict`: a field not declared where `properties` are declared is an error,
// except under x-kubernetes-preserve-unknown-fields; x-kubernetes-int-or-string takes an integer or a
// string. OpenAPI formats (int32, int64, ...) are not checked (the API server does that).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

type Node = Record<string, unknown>;

/** The openAPIV3Schema of the CRD's version `version` (e.g. v1alpha1). */
export function crdSchema(file: string, version: string): Node {
  const [crd] = parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS() as Node);
  const versions = ((crd?.spec as Node | undefined)?.versions ?? []) as Node[];
  const found = versions.find((v) => v.name === version);
  if (!found) throw new Error(`${file} has no version ${version}`);
  return strict((found.schema as Node).openAPIV3Schema as Node);
}

function strict(node: Node): Node {
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'format' || key === 'description') continue;
    if (key === 'properties') out.properties = mapValues(value as Record<string, Node>);
    else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object'))
      out[key] = strict(value as Node);
    else if (key === 'anyOf' || key === 'allOf' || key === 'oneOf') out[key] = (value as Node[]).map(strict);
    else out[key] = value;
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (out.properties && out.additionalProperties === undefined && !preserve) out.additionalProperties = false;
  return out;
}

function mapValues(properties: Record<string, Node>): Record<string, Node> {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, strict(schema)]));
}
