// knip: unused files, exports and dependencies. Besides what knip reads from package.json (bin/token-suite.js,
// the files its scripts run, mocha's .mocharc files), the entry points are the files
// started by path.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    '**/*.test.ts',
    'load/k6/scripts/*.load.ts', // bundled by esbuild for k6
    'contracts/pact-verifier-child.ts', // forked by contracts/pact-verifier.ts
    'testing/measured-cli.ts', // spawned by testing/cli.ts
    'scripts/bench-engine.ts', // spawned by scripts/bench.ts
    'scripts/bench-server.ts', // spawned by scripts/bench.ts
    'scripts/mocha-reporter.cjs', // the .mocharc files' reporter
    '.mocharc.timed.cjs', // mocha's config for the slow files judged on time (npm run test:full)
    '.mocharc.untimed.cjs', // mocha's config for the slow files no timing decides (npm run test:full)
    'testing/capacity-attack-servers.ts', // spawned by testing/capacity-attack-run.sh
    'testing/load06-attack/*.ts', // run by hand (docs/load06-attack.md), its servers spawned by run.ts
    'scripts/bench/responder.ts', // spawned by scripts/bench.ts
    'scripts/bench/k6-password.js', // run by k6 from scripts/bench/k6.ts (the fallback)
  ],
  project: ['**/*.{ts,js,cjs}'],
  // A type used by the file that exports it names part of an exported signature: exporting it is no dead code.
  ignoreExportsUsedInFile: { interface: true, type: true },
};

export default config;
