// Settings of the flows, read from an environment record: k6's __ENV or Node's process.env.
// Every setting has a default; secrets come only from the environment.
import type { TokenFormat } from './checks.ts';
import { FLOW_KINDS, type FlowKind } from './flow.ts';
import type { Credentials } from './requests.ts';

export type Env = Record<string, string | undefined>;

const DOCUMENTED_CREDENTIALS: Credentials = {
  clientId: '57f986e1-4588-4512-90ea-d264904df7b2',
  username: 'crm@fidilio.com',
  password: '12312312',
};

export interface FlowSettings {
  baseUrl: string;
  /** One or more users; a VU or connection n uses users[n % users.length]. */
  users: Credentials[];
  format: TokenFormat;
  chainLength: number;
  raceWidth: number;
  graceSeconds: number;
  /** Relative weights of the flows in the mix. */
  mix: Record<FlowKind, number>;
}

export function readFlowSettings(env: Env): FlowSettings {
  const clientId = env.TOKEN_SUITE_CLIENT_ID || DOCUMENTED_CREDENTIALS.clientId;
  return {
    baseUrl: (env.BASE_URL || env.TOKEN_SUITE_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, ''),
    users: readUsers(env.TOKEN_SUITE_LOAD_USERS, clientId, {
      clientId,
      username: env.TOKEN_SUITE_USERNAME || DOCUMENTED_CREDENTIALS.username,
      password: env.TOKEN_SUITE_PASSWORD || DOCUMENTED_CREDENTIALS.password,
    }),
    // The documented format is a SHOULD (conformance TOKEN-02); under load any opaque tokens will do.
    format: env.TOKEN_SUITE_TOKEN_FORMAT === 'documented' ? 'documented' : 'opaque',
    chainLength: positiveInt(env, 'TOKEN_SUITE_LOAD_CHAIN_LENGTH', 5),
    raceWidth: Math.max(2, positiveInt(env, 'TOKEN_SUITE_LOAD_RACE_WIDTH', 4)),
    graceSeconds: nonNegative(env, 'TOKEN_SUITE_ROTATION_GRACE_SECONDS', 0),
    mix: readMix(env.TOKEN_SUITE_LOAD_MIX || 'password:1,chain:4,race:1'),
  };
}

/** "user1:secret1,user2:secret2" (passwords may contain ':'); the single default user otherwise. */
function readUsers(list: string | undefined, clientId: string, fallback: Credentials): Credentials[] {
  const users = (list ?? '')
    .split(',')
    .filter((entry) => entry.includes(':'))
    .map((entry) => {
      const at = entry.indexOf(':');
      return { clientId, username: entry.slice(0, at).trim(), password: entry.slice(at + 1) };
    });
  return users.length > 0 ? users : [fallback];
}

function readMix(text: string): Record<FlowKind, number> {
  const mix: Record<FlowKind, number> = { password: 0, chain: 0, race: 0 };
  for (const part of text.split(',')) {
    const [name = '', weight] = part.split(':').map((s) => s.trim());
    if (FLOW_KINDS.indexOf(name as FlowKind) < 0)
      throw new Error(`TOKEN_SUITE_LOAD_MIX: unknown flow '${name}' (the flows are ${FLOW_KINDS.join(', ')})`);
    mix[name as FlowKind] = nonNegative({ [name]: weight }, name, 1);
  }
  if (FLOW_KINDS.every((kind) => mix[kind] === 0))
    throw new Error('TOKEN_SUITE_LOAD_MIX: at least one flow needs a weight above 0');
  return mix;
}

/** The variable's value, the fallback when it is unset or empty; a bad value stops the run, naming the variable. */
export function positiveInt(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive whole number (got '${value}')`);
  return parsed;
}

export function nonNegative(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number >= 0 (got '${value}')`);
  return parsed;
}
