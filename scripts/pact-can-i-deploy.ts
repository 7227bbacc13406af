// npm run pact:can-i-deploy — asks the Pact Broker whether this version may be deployed to an environment.
import { PACT_CAN_I_DEPLOY_SETTINGS } from '../settings/pact.ts';
import { brokerFromEnv, pactUsage, runPactCli, runPactScript, versionOf } from './pact-settings.ts';

export const USAGE = pactUsage('pact:can-i-deploy', PACT_CAN_I_DEPLOY_SETTINGS, 24);

await runPactScript('pact:can-i-deploy', PACT_CAN_I_DEPLOY_SETTINGS, USAGE, (settings) => {
  const broker = brokerFromEnv();
  const version = versionOf(settings.version, 'PACT_PACTICIPANT_VERSION');
  const retry =
    settings.retries > 0 ? ['--retry-while-unknown', String(settings.retries), '--retry-interval', '10'] : [];
  const args = ['--pacticipant', settings.pacticipant, '--version', version, '--to-environment', settings.environment];
  return runPactCli(['broker', 'can-i-deploy', ...args, ...retry], broker);
});
