// npm run pact:can-i-deploy — asks the Pact Broker whether this version may be deployed to an environment.
import { parseArgs } from 'node:util';
import { CONSUMER } from '../contracts/pact-files.ts';
import { stringSetting } from '../cli/settings.ts';
import { UsageError } from '../cli/usage-error.ts';
import { brokerFromEnv, runPactCli, runScript, versionSetting } from './pact-settings.ts';

export const USAGE = `npm run pact:can-i-deploy -- [--pacticipant NAME] [--version V] [--to-environment ENV]
  --pacticipant NAME    who is deployed (PACT_PACTICIPANT, default ${CONSUMER}; the provider side uses echon-token-api)
  --version V           its version (PACT_PACTICIPANT_VERSION, default: GITHUB_SHA or git rev-parse HEAD)
  --to-environment ENV  target environment (PACT_ENVIRONMENT, default production)
  --retry-while-unknown N  polls while results are missing (PACT_CAN_I_DEPLOY_RETRIES, default 0)
  broker: PACT_BROKER_BASE_URL with PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD`;

await runScript('pact:can-i-deploy', async () => {
  const { values } = parseArgs({
    options: {
      pacticipant: { type: 'string' },
      version: { type: 'string' },
      'to-environment': { type: 'string' },
      'retry-while-unknown': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const broker = brokerFromEnv();
  const pacticipant = stringSetting(values.pacticipant, 'PACT_PACTICIPANT', CONSUMER);
  const version = versionSetting(values.version, 'PACT_PACTICIPANT_VERSION');
  const environment = stringSetting(values['to-environment'], 'PACT_ENVIRONMENT', 'production');
  const retries = stringSetting(values['retry-while-unknown'], 'PACT_CAN_I_DEPLOY_RETRIES', '0');
  if (!/^\d+$/.test(retries)) throw new UsageError(`--retry-while-unknown must be a whole number (got '${retries}').`);
  return runPactCli(
    [
      'broker',
      'can-i-deploy',
      '--pacticipant',
      pacticipant,
      '--version',
      version,
      '--to-environment',
      environment,
      ...(retries !== '0' ? ['--retry-while-unknown', retries, '--retry-interval', '10'] : []),
    ],
    broker,
  );
});
