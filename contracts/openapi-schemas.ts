// schemas/*.schema.json as OpenAPI components: the same JSON Schema (2020-12, the OpenAPI 3.1 dialect),
// without $schema/$id, and with each schema's $defs lifted into components so every tool resolves them.
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;

/** Component name → schema file in schemas/. */
const SCHEMA_FILES = {
  TokenRequest: 'token-request.schema.json',
  RefreshRequest: 'refresh-request.schema.json',
  TokenResponse: 'token-response.schema.json',
  OpaqueTokenResponse: 'opaque-token-response.schema.json',
  ErrorResponse: 'error-response.schema.json',
} as const;

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** Rewrites "#/$defs/x" to "#/components/schemas/X" everywhere in a schema. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
        ? [key, `#/components/schemas/${pascal(inner.slice('#/$defs/'.length))}`]
        : [key, relink(inner)],
    ),
  );
}

function readSchema(file: string): Schema {
  return JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8')) as Schema;
}

export function schemaComponents(): Record<string, Schema> {
  const components: Record<string, Schema> = {};
  for (const [name, file] of Object.entries(SCHEMA_FILES)) {
    const { $schema: _schema, $id: _id, $defs, ...schema } = readSchema(file);
    components[name] = relink(schema) as Schema;
    for (const [defName, def] of Object.entries(($defs ?? {}) as Record<string, Schema>)) {
      const lifted = pascal(defName);
      if (components[lifted] && JSON.stringify(components[lifted]) !== JSON.stringify(relink(def)))
        throw new Error(`schemas/${file}: $defs/${defName} clashes with another schema's ${lifted}`);
      components[lifted] = relink(def) as Schema;
    }
  }
  return components;
}
