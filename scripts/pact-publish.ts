// npm run pact:publish — publishes the committed contract to the Pact Broker with the official pact CLI.
// Consumer version: the git SHA; branch: git or CI variables.
import { parseFlags } from '../cli/args.ts';
import { COMMITTED_PACT } from '../contracts/pact-files.ts';
import { renderFlagHelp } from '../settings/help.ts';
import { PACT_PUBLISH_SETTINGS } from '../settings/pact.ts';
import { readSettings } from '../settings/read.ts';
import { BROKER_HELP, branchOf, brokerFromEnv, buildUrlOf, runPactCli, runScript, versionOf } from './pact-settings.ts';

export const USAGE = [
  'npm run pact:publish -- [options]',
  ...renderFlagHelp(PACT_PUBLISH_SETTINGS, 14),
  BROKER_HELP,
].join('\n');

await runScript('pact:publish', async () => {
  const flags = parseFlags(process.argv.slice(2), PACT_PUBLISH_SETTINGS, 'pact:publish', ['help']);
  if (flags.help) return (console.log(USAGE), 0);
  const settings = readSettings(PACT_PUBLISH_SETTINGS, { env: process.env, flags });
  const broker = brokerFromEnv();
  const version = versionOf(settings.version, 'PACT_CONSUMER_VERSION');
  const branch = branchOf(settings.branch);
  const buildUrl = buildUrlOf();
  const extra = [...(branch ? ['--branch', branch] : []), ...(buildUrl ? ['--build-url', buildUrl] : [])];
  return runPactCli(['broker', 'publish', COMMITTED_PACT, '--consumer-app-version', version, ...extra], broker);
});
