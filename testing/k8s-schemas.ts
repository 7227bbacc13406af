// Strict JSON Schemas of Kubernetes kinds, built from @kubernetes/client-node's generated models (OpenAPI
// spec release-1.36): each model class carries an `attributeTypeMap` (field name, type) from the Kubernetes
// OpenAPI document. Every object schema has additionalProperties false, as `kubectl apply --validate=strict`
// refuses an unknown field: a cluster without strict validation would drop it silently. Checked: field names
// and types (string, number, boolean, IntOrString, lists, maps, nested kinds); not checked: required fields
// and enums (the models do not carry them), so the tests of each manifest assert what they rely on.
// The models only: the package's main module loads an HTTP client that needs a newer Node than 20.
import * as k8s from '@kubernetes/client-node/dist/gen/models/all.js';

interface Attribute {
  baseName: string;
  type: string;
}
type Schema = Record<string, unknown>;

const models = k8s as unknown as Record<string, { attributeTypeMap?: Attribute[] } | undefined>;

/** The JSON Schema of one model, e.g. 'V1Job', with every model it uses in $defs. */
export function k8sSchema(model: string): Schema {
  const defs: Record<string, Schema> = {};
  const root = typeSchema(model, defs);
  return { ...root, $defs: defs };
}

function typeSchema(type: string, defs: Record<string, Schema>): Schema {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1] as string, defs) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1] as string, defs) };
  switch (type) {
    case 'string':
    case 'Date':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'IntOrString':
      return { type: ['string', 'integer'] };
    case 'any':
      return {};
  }
  const attributes = models[type]?.attributeTypeMap;
  if (!attributes) throw new Error(`@kubernetes/client-node has no model ${type}`);
  if (!defs[type]) {
    defs[type] = {};
    defs[type] = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(attributes.map((a) => [a.baseName, typeSchema(a.type, defs)])),
    };
  }
  return { $ref: `#/$defs/${type}` };
}
