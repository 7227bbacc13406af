// The settings of the pact:* scripts. Broker credentials use the conventional PACT_BROKER_* variables (the
// pact CLI's own), from the environment only. Versions and branches fall back to CI variables and git
// (scripts/pact-settings.ts), so they have no fixed default here.
import { flag, httpUrl, integer, oneOf, text, type Setting } from './setting.ts';
import { VERIFY_SETTINGS } from './verify.ts';

const setting = <T>(s: Setting<T>) => s;
const optional = (s: Omit<Setting<string | undefined>, 'fallback' | 'parse'>) =>
  setting<string | undefined>({ ...s, fallback: undefined, parse: text });

export const BROKER_SETTINGS = {
  url: setting<string | undefined>({
    env: 'PACT_BROKER_BASE_URL',
    fallback: undefined,
    help: 'the Pact Broker (PactFlow) URL',
    parse: httpUrl,
  }),
  token: optional({ env: 'PACT_BROKER_TOKEN', help: 'a broker API token', secret: true }),
  username: optional({ env: 'PACT_BROKER_USERNAME', help: 'broker basic-auth user' }),
  password: optional({ env: 'PACT_BROKER_PASSWORD', help: 'broker basic-auth password', secret: true }),
};

export const PACT_VERIFY_SETTINGS = {
  baseUrl: { ...VERIFY_SETTINGS.baseUrl, help: 'the provider' },
  states: setting<'seeded' | 'live' | undefined>({
    flag: 'states',
    env: 'PACT_PROVIDER_STATES',
    placeholder: 'MODE',
    fallback: undefined,
    shownDefault: 'seeded for the embedded server, live for --base-url',
    help: 'seeded: POST /_pact/provider-states; live: credentials and live tokens, nothing seeded',
    parse: oneOf(['seeded', 'live'] as const),
  }),
  fromBroker: setting({
    flag: 'from-broker',
    env: 'PACT_VERIFY_FROM_BROKER',
    boolean: true,
    fallback: false,
    help: 'verify the pacts the broker selects, not the committed file',
    parse: flag,
  }),
  publish: setting({
    flag: 'publish',
    env: 'PACT_PUBLISH_VERIFICATION_RESULTS',
    boolean: true,
    fallback: false,
    help: 'publish the results to the broker (implies --from-broker; version PACT_PROVIDER_VERSION or the git SHA)',
    parse: flag,
  }),
  timeoutMs: { ...VERIFY_SETTINGS.timeoutMs, fallback: 10_000, parse: integer(1, 600_000) },
  verbose: setting({
    flag: 'verbose',
    env: 'PACT_VERIFIER_OUTPUT',
    boolean: true,
    fallback: false,
    help: "also show the Rust verifier's own output, which may print whole tokens",
    parse: flag,
  }),
  logLevel: setting<'error' | 'warn' | 'info' | 'debug'>({
    env: 'PACT_LOG_LEVEL',
    fallback: 'warn',
    help: "pact-js's log level",
    parse: oneOf(['error', 'warn', 'info', 'debug'] as const),
  }),
  providerVersion: optional({
    env: 'PACT_PROVIDER_VERSION',
    help: 'provider version for --publish (default: GITHUB_SHA or git)',
  }),
  providerBranch: optional({
    flag: 'branch',
    env: 'PACT_BRANCH',
    placeholder: 'B',
    help:
      'provider branch: selects the pacts to verify, published with the result ' +
      '(default: CI variables or the git branch)',
  }),
};

export const PACT_PUBLISH_SETTINGS = {
  version: optional({
    flag: 'version',
    env: 'PACT_CONSUMER_VERSION',
    placeholder: 'V',
    help: 'consumer version (default: GITHUB_SHA or git rev-parse HEAD)',
  }),
  branch: optional({
    flag: 'branch',
    env: 'PACT_BRANCH',
    placeholder: 'B',
    help: 'consumer branch (default: CI variables or the git branch)',
  }),
};

export const PACT_CAN_I_DEPLOY_SETTINGS = {
  pacticipant: setting({
    flag: 'pacticipant',
    env: 'PACT_PACTICIPANT',
    placeholder: 'NAME',
    fallback: 'token-client', // contracts/pact-files.ts CONSUMER (a test holds them equal)
    help: 'who is deployed (the provider side is echon-token-api)',
    parse: text,
  }),
  version: optional({
    flag: 'version',
    env: 'PACT_PACTICIPANT_VERSION',
    placeholder: 'V',
    help: 'its version (default: GITHUB_SHA or git rev-parse HEAD)',
  }),
  environment: setting({
    flag: 'to-environment',
    env: 'PACT_ENVIRONMENT',
    placeholder: 'ENV',
    fallback: 'production',
    help: 'target environment',
    parse: text,
  }),
  retries: setting({
    flag: 'retry-while-unknown',
    env: 'PACT_CAN_I_DEPLOY_RETRIES',
    placeholder: 'N',
    fallback: 0,
    help: 'polls while results are missing',
    parse: integer(0, 1000),
  }),
};
