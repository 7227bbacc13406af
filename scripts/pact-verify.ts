// npm run pact:verify — provider verification with pact-js's Verifier against any base URL;
// optionally fetches the pacts from the Pact Broker and publishes the results there.
import { evidenceOf } from '../contracts/layer.ts';
import { verifyPact } from '../contracts/pact-verifier-child.ts';
import type { BrokerSource, PactVerifyOptions } from '../contracts/pact-verifier.ts';
import { close, createTokenServer, listen } from '../servers/reference/index.ts';
import { PACT_VERIFY_SETTINGS } from '../settings/pact.ts';
import { readSettings } from '../settings/read.ts';
import { VERIFY_SETTINGS } from '../settings/verify.ts';
import { branchOf, brokerFromEnv, buildUrlOf, pactUsage, runPactScript, versionOf } from './pact-settings.ts';

const { clientId, username, password } = VERIFY_SETTINGS;
const CREDENTIALS = { clientId, username, password };

export const USAGE = pactUsage('pact:verify', PACT_VERIFY_SETTINGS, 16, [
  '  live credentials: TOKEN_SUITE_CLIENT_ID, TOKEN_SUITE_USERNAME, TOKEN_SUITE_PASSWORD ' +
    '(default: the documented example)',
]);

await runPactScript('pact:verify', PACT_VERIFY_SETTINGS, USAGE, async (settings) => {
  const credentials = readSettings(CREDENTIALS, { env: process.env });
  const states = settings.states ?? (settings.baseUrl ? 'live' : 'seeded');
  const fromBroker = settings.publish || settings.fromBroker;
  const broker = fromBroker
    ? brokerSource(settings.publish, settings.providerVersion, settings.providerBranch)
    : undefined;
  const embedded = settings.baseUrl ? undefined : createTokenServer({ providerStates: true });
  const target = settings.baseUrl ?? (await listen(embedded!));
  try {
    const options: PactVerifyOptions = {
      baseUrl: target,
      states,
      credentials,
      timeoutMs: settings.timeoutMs,
      ...(broker ? { broker } : {}),
      logLevel: settings.logLevel,
    };
    const report = await verifyPact(options, { showOutput: settings.verbose });
    console.log(
      `\ncontract verification against ${target} (provider states: ${states}): ${report.ok ? 'PASS' : 'FAIL'}`,
    );
    for (const line of evidenceOf(report, states)) console.log(`  ${line}`);
    return report.ok ? 0 : 1;
  } finally {
    if (embedded) await close(embedded);
  }
});

function brokerSource(publish: boolean, providerVersion?: string, branch?: string): BrokerSource {
  const broker = brokerFromEnv();
  const providerBranch = branchOf(branch);
  const buildUrl = buildUrlOf();
  return {
    ...broker,
    publish,
    ...(publish ? { providerVersion: versionOf(providerVersion, 'PACT_PROVIDER_VERSION') } : {}),
    ...(providerBranch ? { providerBranch } : {}),
    ...(buildUrl ? { buildUrl } : {}),
  };
}
