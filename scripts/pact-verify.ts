// npm run pact:verify — provider verification with pact-js's Verifier against any base URL;
// optionally fetches the pacts from the Pact Broker and publishes the results there.
import { parseArgs } from 'node:util';
import { booleanSetting, numberSetting, optionalString, stringSetting } from '../cli/settings.ts';
import { UsageError } from '../cli/usage-error.ts';
import { DOCUMENTED_CREDENTIALS } from '../contracts/examples.ts';
import { evidenceOf } from '../contracts/layer.ts';
import { verifyContract } from '../contracts/verification-worker.ts';
import type { BrokerSource, VerifyOptions } from '../contracts/verify-contract.ts';
import { close, createTokenServer, listen } from '../server/index.ts';
import { branchSetting, brokerFromEnv, buildUrlSetting, runScript, versionSetting } from './pact-settings.ts';

export const USAGE = `npm run pact:verify -- [--base-url URL] [--states seeded|live] [--from-broker] [--publish]
  --base-url URL   the provider (TOKEN_SUITE_BASE_URL; default: the embedded reference server)
  --states MODE    seeded: POST /_pact/provider-states; live: credentials and live tokens, nothing seeded
                   (PACT_PROVIDER_STATES; default seeded for the embedded server, live for --base-url)
  --from-broker    verify the pacts the broker selects, not the committed file (PACT_VERIFY_FROM_BROKER)
  --publish        publish the results to the broker (PACT_PUBLISH_VERIFICATION_RESULTS; implies --from-broker);
                   provider version PACT_PROVIDER_VERSION or the git SHA, branch PACT_BRANCH or CI/git
  --timeout MS     per-request timeout (TOKEN_SUITE_TIMEOUT_MS, default 10000)
  --verbose        also show the Rust verifier's own output, which may print whole tokens (PACT_VERIFIER_OUTPUT)
  live credentials: TOKEN_SUITE_CLIENT_ID, TOKEN_SUITE_USERNAME, TOKEN_SUITE_PASSWORD (default: the documented example)
  broker: PACT_BROKER_BASE_URL with PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD`;

await runScript('pact:verify', async () => {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      states: { type: 'string' },
      'from-broker': { type: 'boolean' },
      publish: { type: 'boolean' },
      verbose: { type: 'boolean' },
      timeout: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const baseUrl = optionalString(values['base-url'], 'TOKEN_SUITE_BASE_URL');
  const states = stringSetting(values.states, 'PACT_PROVIDER_STATES', baseUrl ? 'live' : 'seeded');
  if (states !== 'seeded' && states !== 'live')
    throw new UsageError(`--states must be seeded or live (got '${states}').`);
  const publish = booleanSetting(values.publish, 'PACT_PUBLISH_VERIFICATION_RESULTS');
  const broker =
    publish || booleanSetting(values['from-broker'], 'PACT_VERIFY_FROM_BROKER') ? brokerSource(publish) : undefined;
  const credentials = {
    clientId: stringSetting(undefined, 'TOKEN_SUITE_CLIENT_ID', DOCUMENTED_CREDENTIALS.clientId),
    username: stringSetting(undefined, 'TOKEN_SUITE_USERNAME', DOCUMENTED_CREDENTIALS.username),
    password: stringSetting(undefined, 'TOKEN_SUITE_PASSWORD', DOCUMENTED_CREDENTIALS.password),
  };
  const timeoutMs = numberSetting(values.timeout, 'TOKEN_SUITE_TIMEOUT_MS', 10_000, { min: 1, name: '--timeout' });
  const showOutput = booleanSetting(values.verbose, 'PACT_VERIFIER_OUTPUT');
  const embedded = baseUrl ? undefined : createTokenServer({ providerStates: true });
  const target = baseUrl ?? (await listen(embedded!));
  try {
    const options: VerifyOptions = {
      baseUrl: target,
      states,
      credentials,
      timeoutMs,
      ...(broker ? { broker } : {}),
      logLevel: (process.env.PACT_LOG_LEVEL ?? 'warn') as 'warn',
    };
    const report = await verifyContract(options, { showOutput });
    console.log(
      `\ncontract verification against ${target} (provider states: ${states}): ${report.ok ? 'PASS' : 'FAIL'}`,
    );
    for (const line of evidenceOf(report, states)) console.log(`  ${line}`);
    return report.ok ? 0 : 1;
  } finally {
    if (embedded) await close(embedded);
  }
});

function brokerSource(publish: boolean): BrokerSource {
  const broker = brokerFromEnv();
  const providerBranch = branchSetting(undefined);
  const buildUrl = buildUrlSetting();
  return {
    ...broker,
    publish,
    ...(publish ? { providerVersion: versionSetting(undefined, 'PACT_PROVIDER_VERSION') } : {}),
    ...(providerBranch ? { providerBranch } : {}),
    ...(buildUrl ? { buildUrl } : {}),
  };
}
