// npm run pact:can-i-deploy — asks the Pact Broker whether this version may be deployed to an environment.
import { parseFlags } from '../cli/args.ts';
import { renderFlagHelp } from '../settings/help.ts';
import { PACT_CAN_I_DEPLOY_SETTINGS } from '../settings/pact.ts';
import { readSettings } from '../settings/read.ts';
import { BROKER_HELP, brokerFromEnv, runPactCli, runScript, versionOf } from './pact-settings.ts';

export const USAGE = [
  'npm run pact:can-i-deploy -- [options]',
  ...renderFlagHelp(PACT_CAN_I_DEPLOY_SETTINGS, 24),
  BROKER_HELP,
].join('\n');

await runScript('pact:can-i-deploy', async () => {
  const flags = parseFlags(process.argv.slice(2), PACT_CAN_I_DEPLOY_SETTINGS, 'pact:can-i-deploy', ['help']);
  if (flags.help) return (console.log(USAGE), 0);
  const settings = readSettings(PACT_CAN_I_DEPLOY_SETTINGS, { env: process.env, flags });
  const broker = brokerFromEnv();
  const version = versionOf(settings.version, 'PACT_PACTICIPANT_VERSION');
  const retry =
    settings.retries > 0 ? ['--retry-while-unknown', String(settings.retries), '--retry-interval', '10'] : [];
  const args = ['--pacticipant', settings.pacticipant, '--version', version, '--to-environment', settings.environment];
  return runPactCli(['broker', 'can-i-deploy', ...args, ...retry], broker);
});
