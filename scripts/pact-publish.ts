// npm run pact:publish — publishes the committed contract to the Pact Broker with the official pact CLI.
// Consumer version: the git SHA; branch: git or CI variables.
import { parseArgs } from 'node:util';
import { COMMITTED_PACT } from '../contracts/pact-files.ts';
import {
  branchSetting,
  brokerFromEnv,
  buildUrlSetting,
  runPactCli,
  runScript,
  versionSetting,
} from './pact-settings.ts';

export const USAGE = `npm run pact:publish -- [--version V] [--branch B]
  --version V   consumer version (PACT_CONSUMER_VERSION, default: GITHUB_SHA or git rev-parse HEAD)
  --branch B    consumer branch (PACT_BRANCH, default: GITHUB_HEAD_REF/GITHUB_REF_NAME or the git branch)
  broker: PACT_BROKER_BASE_URL with PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD`;

await runScript('pact:publish', async () => {
  const { values } = parseArgs({
    options: { version: { type: 'string' }, branch: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return (console.log(USAGE), 0);
  const broker = brokerFromEnv();
  const version = versionSetting(values.version, 'PACT_CONSUMER_VERSION');
  const branch = branchSetting(values.branch);
  const buildUrl = buildUrlSetting();
  return runPactCli(
    [
      'broker',
      'publish',
      COMMITTED_PACT,
      '--consumer-app-version',
      version,
      ...(branch ? ['--branch', branch] : []),
      ...(buildUrl ? ['--build-url', buildUrl] : []),
    ],
    broker,
  );
});
