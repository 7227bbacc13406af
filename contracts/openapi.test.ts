// contracts/openapi.yaml: up to date with schemas/ and the docs, a valid OpenAPI 3.1 document (checked by
// @seriousme/openapi-schema-validator against the official OAS 3.1 schema), schemas that compile as JSON
// Schema 2020-12, examples that match them, and a true description of the reference server's answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { createTokenServer } from '../servers/reference/index.ts';
import { TEST_SCRYPT_COST, withServer } from '../testing/with-server.ts';
import { DOCUMENTED_CREDENTIALS } from './examples.ts';
import { buildOpenApi, OPENAPI_FILE, renderOpenApiYaml } from './openapi.ts';
import { COMMON_ERRORS, errorBody, LIVE_REFRESH_TOKEN, REFRESH_ERRORS } from './openapi-errors.ts';
import { TOKEN_CLIENT_ERRORS, TOKEN_ERRORS, type ErrorExample } from './openapi-errors.ts';

const LOGIN = new URLSearchParams({ grantType: 'password', ...DOCUMENTED_CREDENTIALS }).toString();
/** The parts of the parsed document the tests read (the validator checks the whole of it). */
interface Media {
  schema: { $ref?: string };
  examples?: Record<string, { value: unknown }>;
}
type Content = Record<string, Media>;
interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Content;
}
interface Operation {
  description: string;
  requestBody: { content: Content };
  responses: Record<string, Response>;
}
interface Doc {
  paths: Record<string, { post: Operation }>;
  components: { schemas: Record<string, unknown>; responses: Record<string, Response> };
  servers: { url: string }[];
}
const jsonOf = (r: Response): Media[] => (r.content ? [r.content['application/json']!] : []);
const committed = () => readFileSync(OPENAPI_FILE, 'utf8');

function schemaValidator(doc: Doc) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  // The components as one JSON Schema resource: #/components/schemas/X becomes #/$defs/X.
  const defs = JSON.parse(
    JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
  ) as Record<string, unknown>;
  ajv.addSchema({ $id: 'openapi:components', $defs: defs });
  return (name: string) => ajv.getSchema(`openapi:components#/$defs/${name}`)!;
}

describe('contracts/openapi.yaml (OpenAPI 3.1)', () => {
  const doc = parse(committed()) as Doc;

  it('is up to date with schemas/ and docs/token-api.md (else: npm run openapi)', () => {
    assert.ok(committed() === renderOpenApiYaml(), 'contracts/openapi.yaml is out of date: run npm run openapi');
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(committed());
    assert.deepEqual(result, { valid: true });
    assert.equal(validator.version, '3.1');
  });

  it('the validator is no rubber stamp: a response without a description is refused', async () => {
    const broken = buildOpenApi();
    delete (broken as unknown as Doc).paths['/v1/token']!.post.responses['200']!.description;
    const result = await new Validator().validate(broken);
    assert.equal(result.valid, false);
  });

  it('has both endpoints as POST with form bodies, and the docs errata resolved', () => {
    assert.deepEqual(Object.keys(doc.paths), ['/v1/token', '/v1/refresh/token']);
    for (const path of Object.values(doc.paths)) {
      assert.deepEqual(Object.keys(path), ['post']);
      assert.deepEqual(Object.keys(path.post.requestBody.content), ['application/x-www-form-urlencoded']);
    }
    assert.equal(doc.servers[0]!.url, 'http://echon.io');
    assert.match(doc.paths['/v1/refresh/token']!.post.description, /verbatim: `refreshToken=d2261e5419784567\w+&=`/);
  });

  it('compiles every schema as JSON Schema 2020-12 (strict), and every example matches its schema', () => {
    const schema = schemaValidator(doc);
    const media = Object.values(doc.paths).flatMap((p) => [
      p.post.requestBody.content['application/x-www-form-urlencoded']!,
      ...Object.values(p.post.responses).flatMap(jsonOf),
    ]);
    media.push(...Object.values(doc.components.responses).flatMap(jsonOf));
    let checked = 0;
    for (const m of media) {
      const validate = m.schema.$ref ? schema(m.schema.$ref.split('/').pop()!) : assert.fail('inline schema');
      for (const [name, example] of Object.entries(m.examples ?? {})) {
        assert.ok(validate(example.value), `${name}: ${JSON.stringify(validate.errors)}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 12, `${checked} examples`);
  });
});

describe('contracts/openapi.yaml describes the reference server', () => {
  const doc = parse(committed()) as Doc;
  const schema = schemaValidator(doc);

  async function send(base: string, path: string, body: string, contentType = 'application/x-www-form-urlencoded') {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
  }

  it('answers the documented requests, verbatim, as the 200 responses say', async () => {
    await withServer(createTokenServer({ scryptCost: TEST_SCRYPT_COST }), async (base) => {
      const docs = /-d '([^']*)'/g;
      const bodies = [...readFileSync(new URL('../docs/token-api.md', import.meta.url), 'utf8').matchAll(docs)];
      for (const [path, body] of [
        ['/v1/token', bodies[0]![1]!],
        ['/v1/refresh/token', bodies[1]![1]!],
      ] as const) {
        const res = await send(base, path, body);
        assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.json)}`);
        const expected = doc.paths[path]!.post.responses['200']!;
        assert.ok(schema('TokenResponse')(res.json), path);
        assert.ok(expected.headers?.['Cache-Control']);
        assert.equal(res.headers.get('cache-control'), 'no-store');
      }
    });
  });

  it('answers each error example with its status and body', async () => {
    const cases: [string, string, ErrorExample[]][] = [
      ['/v1/token', '400', TOKEN_ERRORS],
      ['/v1/token', '401', TOKEN_CLIENT_ERRORS],
      ['/v1/refresh/token', '400', REFRESH_ERRORS],
      ['/v1/token', '413', [COMMON_ERRORS['413']]],
      ['/v1/refresh/token', '415', [COMMON_ERRORS['415']]],
    ];
    await withServer(createTokenServer({ scryptCost: TEST_SCRYPT_COST }), async (base) => {
      for (const [path, status, examples] of cases) {
        assert.ok(doc.paths[path]!.post.responses[status], `${path} documents ${status}`);
        for (const example of examples) {
          let body = example.request.body;
          if (example.spendFirst) {
            const pair = await send(base, '/v1/token', LOGIN);
            const refreshToken = String(pair.json.refreshToken);
            assert.equal((await send(base, path, new URLSearchParams({ refreshToken }).toString())).status, 200);
            const fields = new URLSearchParams(body);
            assert.equal(fields.get('refreshToken'), LIVE_REFRESH_TOKEN);
            fields.set('refreshToken', refreshToken);
            body = fields.toString();
          }
          const res = await send(base, path, body, example.request.contentType);
          assert.deepEqual([String(res.status), res.json], [status, errorBody(example.error)], example.name);
        }
      }
    });
  });
});
