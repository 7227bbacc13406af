// npm run openapi: writes contracts/openapi.yaml (OpenAPI 3.1) from schemas/ and docs/token-api.md.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, renderOpenApiYaml } from '../contracts/openapi.ts';

writeFileSync(OPENAPI_FILE, renderOpenApiYaml());
console.log(`wrote ${fileURLToPath(OPENAPI_FILE)}`);
