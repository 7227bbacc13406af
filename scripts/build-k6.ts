// npm run build: regenerates the standalone validators from the schemas, then bundles every k6 scenario
// into dist/k6/<name>.js (see load/k6/build.ts for the esbuild options), and creates reports/k6,
// where the bundles' handleSummary writes by default (k6 itself creates no folders).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildK6, ROOT, writeValidators } from '../load/k6/build.ts';

if (await writeValidators()) console.log('regenerated load/validators/standalone.js');
for (const bundle of await buildK6()) console.log(`built ${bundle}`);
mkdirSync(join(ROOT, 'reports', 'k6'), { recursive: true });
