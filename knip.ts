// knip: unused files, exports and dependencies. Besides what knip reads from package.json (bin/token-suite.js,
// the files its scripts run, mocha's .mocharc.json), the entry points are the files started by path.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    '**/*.test.ts',
    'load/k6/*.load.ts', // bundled by esbuild for k6
    'contracts/verification-worker.ts', // forked by contracts/verify-contract.ts
    'testing/measured-cli.ts', // spawned by testing/cli.ts
    'scripts/bench-engine.ts', // spawned by scripts/bench.ts
    'scripts/bench-server.ts', // spawned by scripts/bench.ts
    'scripts/mocha-reporter.cjs', // .mocharc.json's reporter
    'load/harness/http-worker.ts', // a worker thread started by load/harness/shims/http.ts
    'load/harness/shims/*.ts', // the k6 modules a bundle is rewired to (load/harness/run-bundle.ts)
  ],
  project: ['**/*.{ts,js,cjs}'],
  // A type used by the file that exports it names part of an exported signature: exporting it is no dead code.
  ignoreExportsUsedInFile: { interface: true, type: true },
};

export default config;
