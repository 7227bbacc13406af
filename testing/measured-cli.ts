// Runs the real CLI in this process and prints its peak resident memory on exit, so a test can bound the
// memory of `verify` itself (child processes such as k6 apart): `node --import tsx testing/measured-cli.ts verify ...`.
import { fileURLToPath } from 'node:url';

process.on('exit', () => process.stderr.write(`\nmaxRSS-kB ${process.resourceUsage().maxRSS}\n`));
process.argv.splice(1, 1, fileURLToPath(new URL('../bin/token-suite.js', import.meta.url)));
await import('../cli/main.ts');
