// Provider verification with pact-js's Verifier: replay every interaction of the contract against a
// base URL, meeting provider states by seeding (reference server) or with live credentials (anything).
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { TokenClient, type Credentials } from '../client/token-client.ts';
import { tlsTrust, type TlsTrust } from '../client/tls.ts';
import { redactTokensIn } from '../schemas/token-format.ts';
import { formBodyFilter } from './form-body-filter.ts';
import { COMMITTED_PACT, PROVIDER } from './pact-files.ts';
import { liveStates, recordingFailures, seededStates } from './provider-states.ts';

export interface BrokerSource {
  url: string;
  token?: string;
  username?: string;
  password?: string;
  /** Publish the results (needs providerVersion). */
  publish: boolean;
  providerVersion?: string;
  providerBranch?: string;
  buildUrl?: string;
}

export interface PactVerifyOptions {
  baseUrl: string;
  /** 'seeded': the target has POST /_pact/provider-states; 'live': meet states with credentials and live tokens. */
  states: 'seeded' | 'live';
  credentials?: Credentials;
  timeoutMs?: number;
  /** Pact files or URLs (default: the committed contract); ignored when `broker` is set. */
  pactUrls?: string[];
  broker?: BrokerSource;
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** https:// targets: an extra CA file (PEM) and whether verification is off (--insecure). */
  tls?: { caFile?: string; insecure: boolean };
}

export interface InteractionResult {
  description: string;
  ok: boolean;
  mismatches: string[];
  /** Set when the status was the only mismatch. */
  statusMismatch?: { expected: number; actual: number };
  /** The provider state this interaction needs could not be set up (the layer marks it): its answer proves nothing. */
  stateUnmet?: string;
}

export interface VerificationReport {
  ok: boolean;
  interactions: InteractionResult[];
  /** States met with live credentials or tokens, not by seeding: [state, how]. */
  metLive: [string, string][];
  /** Provider states that could not be met, and why: [state, reason]. */
  stateFailures: [string, string][];
  /** Set when the verifier could not run at all. */
  error?: string;
}

interface FfiResult {
  errors?: {
    interaction: string;
    mismatch?: { mismatches?: { mismatch?: string; path?: string }[]; message?: string };
  }[];
  interactionResults?: { description: string; result: string }[];
}

/** Long alphanumeric runs are tokens (or could be): show a prefix and the length only. */
const redact = redactTokensIn;

export async function runPactVerifier(options: PactVerifyOptions): Promise<VerificationReport> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const live =
    options.states === 'live'
      ? liveStates(
          new TokenClient({ baseUrl: options.baseUrl, timeoutMs, tokenFormat: 'opaque', ...trustOf(options) }),
          requireCredentials(options),
        )
      : undefined;
  const stateFailures = new Map<string, string>();
  const config: VerifierOptions = {
    provider: PROVIDER,
    providerBaseUrl: options.baseUrl,
    stateHandlers: recordingFailures(
      live ? live.handlers : seededStates(options.baseUrl, timeoutMs, trustOf(options).tls),
      stateFailures,
    ),
    requestFilter: formBodyFilter,
    validateSSL: !options.tls?.insecure,
    timeout: timeoutMs,
    logLevel: options.logLevel ?? 'error',
    ...(options.broker ? brokerConfig(options.broker) : { pactUrls: options.pactUrls ?? [COMMITTED_PACT] }),
  };
  let raw: string;
  try {
    raw = String(await new Verifier(config).verifyProvider());
  } catch (error) {
    raw = error instanceof Error ? error.message : String(error);
  }
  const metLive = [...(live?.metLive ?? [])];
  const failed = [...stateFailures].map(([state, reason]) => [state, redact(reason)] as [string, string]);
  let parsed: FfiResult;
  try {
    parsed = JSON.parse(raw) as FfiResult;
  } catch {
    return { ok: false, interactions: [], metLive, stateFailures: failed, error: redact(raw).slice(0, 500) };
  }
  const interactions = (parsed.interactionResults ?? []).map(({ description, result }) => {
    const errors = (parsed.errors ?? []).filter(
      (e) => e.interaction.endsWith(` - ${description}`) || e.interaction === description,
    );
    const mismatches = errors.flatMap(
      (e) =>
        e.mismatch?.mismatches?.map((m) => `${m.path ? `${m.path}: ` : ''}${m.mismatch ?? ''}`) ?? [
          e.mismatch?.message ?? 'failed',
        ],
    );
    const statuses = mismatches.length === 1 ? /^expected (\d{3}) but was (\d{3})$/.exec(mismatches[0]!) : null;
    return {
      description,
      ok: result === 'OK' && errors.length === 0,
      mismatches: mismatches.map(redact),
      ...(statuses ? { statusMismatch: { expected: Number(statuses[1]), actual: Number(statuses[2]) } } : {}),
    };
  });
  // A state that could not be met leaves its interactions unverified, whatever they answered.
  const ok =
    interactions.length > 0 &&
    interactions.every((i) => i.ok) &&
    (parsed.errors ?? []).length === 0 &&
    failed.length === 0;
  return {
    ok,
    interactions,
    metLive,
    stateFailures: failed,
    ...(interactions.length === 0 ? { error: 'the verifier ran no interaction' } : {}),
  };
}

/** The worker's own requests (live states, seeding) trust what the run trusts. */
function trustOf(options: PactVerifyOptions): { tls?: TlsTrust } {
  if (!options.tls) return {};
  return { tls: tlsTrust({ caFile: options.tls.caFile, insecure: options.tls.insecure }) };
}

function requireCredentials(options: PactVerifyOptions): Credentials {
  if (!options.credentials)
    throw new Error('Live provider states need credentials (clientId, username, password) for the target.');
  return options.credentials;
}

function brokerConfig(broker: BrokerSource): Partial<VerifierOptions> {
  return {
    pactBrokerUrl: broker.url,
    ...(broker.token
      ? { pactBrokerToken: broker.token }
      : { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password }),
    consumerVersionSelectors: [
      { mainBranch: true },
      { deployedOrReleased: true },
      ...(broker.providerBranch ? [{ matchingBranch: true }] : []),
    ],
    enablePending: true,
    publishVerificationResult: broker.publish,
    ...(broker.providerVersion ? { providerVersion: broker.providerVersion } : {}),
    ...(broker.providerBranch ? { providerVersionBranch: broker.providerBranch } : {}),
    ...(broker.buildUrl ? { buildUrl: broker.buildUrl } : {}),
  };
}
