// npm run pact:publish — publishes the committed contract to the Pact Broker with the official pact CLI.
// Consumer version: the git SHA; branch: git or CI variables.
import { COMMITTED_PACT } from '../contracts/pact-files.ts';
import { PACT_PUBLISH_SETTINGS } from '../settings/pact.ts';
import {
  branchOf,
  brokerFromEnv,
  buildUrlOf,
  pactUsage,
  runPactCli,
  runPactScript,
  versionOf,
} from './pact-settings.ts';

export const USAGE = pactUsage('pact:publish', PACT_PUBLISH_SETTINGS, 14);

await runPactScript('pact:publish', PACT_PUBLISH_SETTINGS, USAGE, (settings) => {
  const broker = brokerFromEnv();
  const version = versionOf(settings.version, 'PACT_CONSUMER_VERSION');
  const branch = branchOf(settings.branch);
  const buildUrl = buildUrlOf();
  const extra = [...(branch ? ['--branch', branch] : []), ...(buildUrl ? ['--build-url', buildUrl] : [])];
  return runPactCli(['broker', 'publish', COMMITTED_PACT, '--consumer-app-version', version, ...extra], broker);
});
