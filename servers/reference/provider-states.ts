// POST /_pact/provider-states: the Pact state-change convention {state, params, action: setup|teardown}.
// States are sentences with {params}; each handler seeds or removes what the sentence says.
import type { AppContext } from './context.ts';
import { DOCUMENTED_SEED } from './directory.ts';
import { invalidRequest } from './errors.ts';

type Params = Record<string, unknown>;
type StateHandler = (params: Params, context: AppContext) => Record<string, unknown>;

const SEED_CLIENT = DOCUMENTED_SEED.clients[0]!;

function text(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '')
    throw invalidRequest(`provider state parameter '${name}' must be a non-empty string`);
  return value;
}

const STATES: Record<string, StateHandler> = {
  'user {username} with password {password} exists for client {clientId}': (params, { directory }) => {
    directory.addClient(text(params, 'clientId'));
    directory.addUser(text(params, 'username'), text(params, 'password'));
    return {};
  },
  'refresh token {refreshToken} was issued to {username}': (params, { store }) => {
    const refreshToken = text(params, 'refreshToken');
    store.register(refreshToken, optional(params, 'clientId') ?? SEED_CLIENT, text(params, 'username'));
    return { refreshToken };
  },
  'refresh token {refreshToken} was already used': (params, { store }) => {
    const refreshToken = text(params, 'refreshToken');
    store.register(
      refreshToken,
      optional(params, 'clientId') ?? SEED_CLIENT,
      optional(params, 'username') ?? 'unknown',
      true,
    );
    return { refreshToken };
  },
  'no client {clientId}': (params, { directory }) => {
    directory.removeClient(text(params, 'clientId'));
    return {};
  },
  'no user {username}': (params, { directory }) => {
    directory.removeUser(text(params, 'username'));
    return {};
  },
};

function optional(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function changeState(body: unknown, context: AppContext): Record<string, unknown> {
  const { state, params, action } = (body ?? {}) as { state?: unknown; params?: unknown; action?: unknown };
  if (typeof state !== 'string') throw invalidRequest("the body needs a 'state' string");
  // pact-rust posts an empty state for interactions that have none.
  if (state === '' || action === 'teardown') return {};
  if (action !== undefined && action !== 'setup') throw invalidRequest("'action' must be 'setup' or 'teardown'");
  const handler = STATES[state];
  if (!handler) throw invalidRequest(`unknown provider state '${state.slice(0, 120)}'`);
  return handler((params ?? {}) as Params, context);
}
