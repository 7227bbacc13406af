// npm run build: regenerates the standalone validators from the schemas, then bundles every k6 scenario
// into dist/k6/<name>.js (see load/engine/k6-build.ts for the esbuild options).
import { buildK6, writeValidators } from '../load/engine/k6-build.ts';

if (await writeValidators()) console.log('regenerated load/validators/standalone.js');
for (const bundle of await buildK6()) console.log(`built ${bundle}`);
