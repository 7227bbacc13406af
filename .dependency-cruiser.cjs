// dependency-cruiser: the folders' layer order (CONTRIBUTING.md's Layout table), checked by `npm run lint`.
// A folder may import its own files and the folders of the layers below it; never a folder of its own layer
// or of a layer above. Tests (*.test.ts) and testing/ may import anything; product code never imports
// testing/ or a devDependency. The developer tools (npm run bench*, kill-matrix) may use testing/. No import cycles.

/** Top to bottom. */
const LAYERS = [
  ['bin'],
  ['scripts'],
  ['cli'],
  ['verify'],
  ['conformance', 'contracts', 'load'],
  ['reporting'],
  ['baseline'],
  ['verdict'],
  ['client', 'servers'],
  ['settings'],
  ['schemas'],
];
const PRODUCT = LAYERS.flat();
const TEST = '\\.test\\.ts$';
/**
 * The benchmarks (npm run bench, bench:store, bench:load06) and the kill matrix (npm run kill-matrix):
 * developer tools that measure the suite against test servers, never run by users or by the CLI, so they may
 * import testing/ like a test. The other scripts stay product code (the pact:* scripts are the CI recipe's steps).
 */
const BENCHMARKS = '^scripts/(bench[a-z-]*|load06-false-alarms|kill-matrix)\\.ts$';
/** What users run: the CLI and the pact:* scripts (the CI recipe's steps). */
const USER_ENTRIES = '^(bin/token-suite\\.js|scripts/pact-(publish|verify|can-i-deploy)\\.ts)$';
/** devDependencies that exist at run time (@types/* never do), as regexes. */
const DEV_PACKAGES = Object.keys(require('./package.json').devDependencies)
  .filter((name) => !name.startsWith('@types/'))
  .map((name) => name.replace(/[.]/g, '\\.'));
const anyOf = (folders) => `^(${folders.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const below = LAYERS.slice(i + 1).flat();
  const sameOrAbove = LAYERS.slice(0, i + 1).flat();
  return layer
    .map((folder) => ({ folder, forbidden: sameOrAbove.filter((other) => other !== folder) }))
    .filter(({ forbidden }) => forbidden.length > 0)
    .map(({ folder, forbidden }) => ({
      name: `layer-${folder}`,
      comment: `${folder}/ may import itself and the layers below it: ${below.join(', ') || 'none'}`,
      severity: 'error',
      from: { path: `^${folder}/`, pathNot: TEST },
      to: { path: anyOf(forbidden) },
    }));
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-testing-in-product',
      comment: 'test fakes, fault servers and harnesses (testing/) are for tests only',
      severity: 'error',
      from: { path: anyOf(PRODUCT), pathNot: [TEST, BENCHMARKS] },
      to: { path: '^testing/' },
    },
    {
      name: 'alt-server-independent',
      comment: 'the second implementation shares no code with anything (servers/alt/independent.test.ts too)',
      severity: 'error',
      from: { path: '^servers/alt/', pathNot: TEST },
      to: { pathNot: '^servers/alt/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'reference-server-alone',
      comment: 'the reference server knows neither its mutants nor the alt server (they build on it, or beside it)',
      severity: 'error',
      from: { path: '^servers/reference/' },
      to: { path: '^servers/', pathNot: '^servers/reference/' },
    },
    {
      name: 'no-dev-dependency-at-run-time',
      comment: 'token-suite and the pact:* scripts must work after npm install --omit=dev',
      severity: 'error',
      from: { path: USER_ENTRIES },
      to: { path: `^node_modules/(${DEV_PACKAGES.join('|')})/`, reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^k6(/|$)' }, // k6's own modules exist inside k6 only
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Root files are tool configuration, not part of the graph.
    exclude: { path: ['^(dist|reports|\\.tmp)/', '^[^/]+\\.(ts|js|cjs|mjs)$'] },
    // `import type` is a dependency too: a type from a layer above ties the layers as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
