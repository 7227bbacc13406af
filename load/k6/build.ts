// Bundles each load/k6/scripts/*.load.ts into <outDir>/<name>.js the way Grafana's k6 templates do: ESM, k6
// modules external, one bundle per entry. `npm run build` (scripts/build-k6.ts) also regenerates the
// standalone validators; a verify run only bundles, it never rewrites a committed file.
// Target es2017 so k6 before v0.53 (whose Babel cannot parse ?. ?? or object spread) runs them too. A verify
// run on such a k6 bundles as CommonJS instead (bundleFormat in invocation.ts: its Babel takes seconds over an
// ES module of this size, at every start).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { GENERATED_PATH, generateValidators } from '../validators/generate.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const K6_DIR = join(ROOT, 'load', 'k6', 'scripts');
const OUT_DIR = process.env.TOKEN_SUITE_K6_OUT_DIR || join(ROOT, 'dist', 'k6');

const K6_BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  format: 'esm',
  target: 'es2017',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  external: ['k6', 'k6/*'],
  legalComments: 'none',
  logLevel: 'warning',
};

export function k6Entries(): string[] {
  return readdirSync(K6_DIR)
    .filter((file) => file.endsWith('.load.ts'))
    .map((file) => join(K6_DIR, file));
}

function bundleName(entry: string): string {
  return basename(entry).replace(/\.load\.ts$/, '');
}

/** Writes the validators module only when the schemas changed it. Returns true when it did. */
export async function writeValidators(): Promise<boolean> {
  const generated = await generateValidators();
  const current = (() => {
    try {
      return readFileSync(GENERATED_PATH, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current === generated) return false;
  writeFileSync(GENERATED_PATH, generated);
  return true;
}

/**
 * Bundles the scenarios (all, or those named) into `outDir`, as ES modules (Grafana's templates) or CommonJS
 * (`format`); the validators module is used as committed.
 */
export async function buildK6(outDir = OUT_DIR, names?: string[], format: 'esm' | 'cjs' = 'esm'): Promise<string[]> {
  const entries = k6Entries().filter((entry) => !names || names.includes(bundleName(entry)));
  await Promise.all(
    entries.map((entry) =>
      build({ ...K6_BUILD_OPTIONS, format, entryPoints: [entry], outfile: join(outDir, `${bundleName(entry)}.js`) }),
    ),
  );
  return entries.map((entry) => join(outDir, `${bundleName(entry)}.js`));
}
