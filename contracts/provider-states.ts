// State handlers for pact-js's Verifier, keyed by the state sentences. Two ways to meet a state:
// - seeded: ask the target's POST /_pact/provider-states to create it (the reference server);
// - live: a third-party target can't be seeded, so use the configured credentials and live tokens
//   obtained from the target, returned for provider-state injection into the replayed request.
import type { VerifierOptions } from '@pact-foundation/pact';
import { SchemaError } from '../client/errors.ts';
import { TokenClient, type Credentials } from '../client/token-client.ts';
import type { TlsTrust } from '../client/tls.ts';
import { Transport } from '../client/transport.ts';
import type { TokenPair } from '../schemas/validators.ts';
import { STATES, type StateName } from './states.ts';

/** The Pact state-change convention the reference server implements. */
export { PROVIDER_STATES_PATH } from '../servers/reference/app.ts';
import { PROVIDER_STATES_PATH } from '../servers/reference/app.ts';
type Params = Record<string, unknown>;
/** A state's setup: returns the values injected into the replayed request. */
export type StateHandlers = Record<string, (params?: unknown) => Promise<Params>>;
type Values = Record<string, string>;

/** States met by seeding the target through its state-change endpoint. */
export function seededStates(baseUrl: string, timeoutMs = 10_000, tls?: TlsTrust): StateHandlers {
  const transport = new Transport({ deadlineMs: timeoutMs, maxBodyBytes: 64 * 1024, ...(tls ? { tls } : {}) });
  const seed = (state: StateName) => async (params?: unknown) => {
    const answer = await transport.send({
      method: 'POST',
      url: `${baseUrl.replace(/\/+$/, '')}${PROVIDER_STATES_PATH}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state, params: params ?? {}, action: 'setup' }),
    });
    const text = answer.body.toString('utf8');
    if (answer.status < 200 || answer.status > 299) {
      throw new Error(`${PROVIDER_STATES_PATH} answered ${answer.status} to "${state}": ${text.slice(0, 200)}`);
    }
    return { ...(params as Params), ...(JSON.parse(text) as Params) };
  };
  return Object.fromEntries(Object.values(STATES).map((state) => [state, seed(state)]));
}

export interface LiveStates {
  handlers: StateHandlers;
  /** How each state was met, in the order they were first met: "state: how". */
  metLive: Map<StateName, string>;
}

/** States met with the configured credentials and live tokens from the target; nothing is seeded. */
export function liveStates(client: TokenClient, credentials: Credentials): LiveStates {
  const metLive = new Map<StateName, string>();
  // The contract judges the response shape; a state only needs the refresh token, even from a malformed answer.
  const lenient = (answer: Promise<TokenPair>) =>
    answer.catch((error: unknown) => {
      const refreshToken =
        error instanceof SchemaError ? (error.body as { refreshToken?: unknown } | null)?.refreshToken : undefined;
      if (typeof refreshToken === 'string' && refreshToken !== '') return { refreshToken } as TokenPair;
      throw error;
    });
  const login = () => lenient(client.getToken(credentials));
  // A user exists once the target accepts its credentials: any 2xx answer says so, a malformed one included
  // (the replayed interaction then fails on that answer's shape, PACT-01, instead of going unjudged).
  const accepted = () =>
    client.getToken(credentials).catch((error: unknown) => {
      if (!(error instanceof SchemaError)) throw error;
    });
  const live = (state: StateName, how: string, values: () => Promise<Values>) => async () => {
    const result = await values();
    metLive.set(state, how);
    return result;
  };
  const handlers: Record<StateName, () => Promise<Values>> = {
    [STATES.userExists]: live(
      STATES.userExists,
      'met by the configured credentials (checked with POST /v1/token)',
      async () => {
        await accepted();
        return { ...credentials };
      },
    ),
    [STATES.refreshIssued]: live(STATES.refreshIssued, 'met by a live refresh token from POST /v1/token', async () => ({
      ...credentials,
      refreshToken: (await login()).refreshToken,
    })),
    [STATES.refreshUsed]: live(STATES.refreshUsed, 'met by a live refresh token spent by one refresh', async () => {
      const { refreshToken } = await login();
      await lenient(client.refresh(refreshToken));
      return { refreshToken };
    }),
    [STATES.noClient]: live(STATES.noClient, 'assumed: the client id is a fixed random UUID no one registered', () =>
      Promise.resolve({}),
    ),
  };
  return { handlers, metLive };
}

/** Wraps every handler so that a state that cannot be met is recorded ("state: reason"), then rethrown. */
export function recordingFailures(
  handlers: StateHandlers,
  failures: Map<string, string>,
): NonNullable<VerifierOptions['stateHandlers']> {
  return Object.fromEntries(
    Object.entries(handlers).map(([state, handler]) => [
      state,
      async (params?: unknown) => {
        try {
          return await handler(params);
        } catch (error) {
          failures.set(state, error instanceof Error ? error.message : String(error));
          throw error;
        }
      },
    ]),
  );
}
