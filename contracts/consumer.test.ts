// Consumer side: the real TokenClient against the Pact mock server. Each passing test adds its
// interaction to the generated contract; the last test compares it with the committed copy.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { inspect } from 'node:util';
import { PactV3, type V3Interaction } from '@pact-foundation/pact';
import { HttpError } from '../client/errors.ts';
import { TokenClient } from '../client/token-client.ts';
import { isDocumentedToken } from '../schemas/token-format.ts';
import * as ex from './examples.ts';
import { errorResponse, refreshRequest, tokenPairResponse, tokenRequest } from './interactions.ts';
import {
  COMMITTED_PACT,
  CONSUMER,
  contractDifferences,
  GENERATED_PACT,
  GENERATED_PACT_DIR,
  PROVIDER,
} from './pact-files.ts';
import { STATES } from './states.ts';

const logLevel = (process.env.PACT_LOG_LEVEL ?? 'error') as 'error';
const userExists = { description: STATES.userExists, parameters: { ...ex.DOCUMENTED_CREDENTIALS } };
const isOAuthError = (status: number, code: string) => (error: unknown) =>
  error instanceof HttpError && error.status === status && error.code === code;

/**
 * The Rust mock server of pact-js 16.3+ records a match on its own thread after it has answered; on a busy
 * machine pact-js may read its matches first and report an answered request as "expected but not received"
 * (pact-foundation/pact-reference#535, open; pact-js#1835). The test waits this long after its last request.
 */
const MATCH_BOOKKEEPING_MS = 250;

/**
 * Registers one interaction and runs `use` with a TokenClient pointed at the mock server. When the mock
 * server reports a mismatch, the client's own error (which pact-js drops) is added to its message.
 */
async function withInteraction(interaction: V3Interaction, use: (client: TokenClient) => Promise<void>): Promise<void> {
  const pact = new PactV3({ consumer: CONSUMER, provider: PROVIDER, dir: GENERATED_PACT_DIR, logLevel });
  pact.addInteraction(interaction);
  let own: unknown;
  const run = (url: string) =>
    use(new TokenClient({ baseUrl: url })).then(
      () => new Promise<void>((resolve) => setTimeout(resolve, MATCH_BOOKKEEPING_MS)),
      (error: unknown) => {
        own = error;
        throw error;
      },
    );
  await pact
    .executeTest((server) => run(server.url))
    .catch((error: unknown) => {
      if (own === undefined || own === error) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\nthe test's own error, against ${interaction.uponReceiving}: ${inspect(own)}`, {
        cause: error,
      });
    });
}

describe('contract: TokenClient against the echon token API (Pact consumer)', () => {
  before(() => {
    rmSync(GENERATED_PACT, { force: true }); // pact-rust merges into an existing file
    mkdirSync(GENERATED_PACT_DIR, { recursive: true });
  });

  it('issues a token pair for valid password credentials', () =>
    withInteraction(
      {
        states: [userExists],
        uponReceiving: 'a password grant with valid credentials',
        withRequest: tokenRequest({}),
        willRespondWith: tokenPairResponse(ex.DOCUMENTED_PAIR),
      },
      async (client) => {
        const pair = await client.getToken(ex.DOCUMENTED_CREDENTIALS);
        assert.ok(isDocumentedToken(pair.token) && isDocumentedToken(pair.refreshToken));
        assert.equal(pair.expiresIn, 3600);
      },
    ));

  it('rejects a wrong password with 400 invalid_grant', () =>
    withInteraction(
      {
        states: [userExists],
        uponReceiving: 'a password grant with a wrong password',
        withRequest: tokenRequest({ password: ex.WRONG_PASSWORD }),
        willRespondWith: errorResponse(400, 'invalid_grant'),
      },
      (client) =>
        assert.rejects(
          client.getToken({ ...ex.DOCUMENTED_CREDENTIALS, password: ex.WRONG_PASSWORD }),
          isOAuthError(400, 'invalid_grant'),
        ),
    ));

  it('rejects an unknown client with 401 invalid_client', () => {
    const credentials = { ...ex.DOCUMENTED_CREDENTIALS, clientId: ex.UNKNOWN_CLIENT_ID };
    return withInteraction(
      {
        states: [{ description: STATES.noClient, parameters: { clientId: ex.UNKNOWN_CLIENT_ID } }],
        uponReceiving: 'a password grant for an unknown client',
        withRequest: tokenRequest({
          clientId: ex.UNKNOWN_CLIENT_ID,
          username: credentials.username,
          password: credentials.password,
        }),
        willRespondWith: errorResponse(401, 'invalid_client'),
      },
      (client) => assert.rejects(client.getToken(credentials), isOAuthError(401, 'invalid_client')),
    );
  });

  it('rejects an unsupported grant type with 400 unsupported_grant_type', () =>
    withInteraction(
      {
        states: [userExists],
        uponReceiving: 'a token request with an unsupported grant type',
        withRequest: tokenRequest({ grantType: ex.UNSUPPORTED_GRANT_TYPE }),
        willRespondWith: errorResponse(400, 'unsupported_grant_type'),
      },
      (client) =>
        assert.rejects(
          client.getToken(ex.DOCUMENTED_CREDENTIALS, ex.UNSUPPORTED_GRANT_TYPE),
          isOAuthError(400, 'unsupported_grant_type'),
        ),
    ));

  it('rotates the refresh token: a refresh returns a new token pair', () => {
    const issued = ex.DOCUMENTED_PAIR.refreshToken;
    return withInteraction(
      {
        states: [
          {
            description: STATES.refreshIssued,
            parameters: { refreshToken: issued, username: ex.DOCUMENTED_CREDENTIALS.username },
          },
        ],
        uponReceiving: 'a refresh with a live refresh token',
        withRequest: refreshRequest(issued),
        willRespondWith: tokenPairResponse(ex.DOCUMENTED_REFRESHED_PAIR),
      },
      async (client) => {
        const pair = await client.refresh(issued);
        assert.ok(isDocumentedToken(pair.refreshToken));
        assert.notEqual(pair.refreshToken, issued, 'the refresh token must rotate');
      },
    );
  });

  it('rejects a refresh token that was already used with 400 invalid_grant', () =>
    withInteraction(
      {
        states: [{ description: STATES.refreshUsed, parameters: { refreshToken: ex.USED_REFRESH_TOKEN } }],
        uponReceiving: 'a refresh with a refresh token that was already used',
        withRequest: refreshRequest(ex.USED_REFRESH_TOKEN),
        willRespondWith: errorResponse(400, 'invalid_grant'),
      },
      (client) => assert.rejects(client.refresh(ex.USED_REFRESH_TOKEN), isOAuthError(400, 'invalid_grant')),
    ));

  it('rejects a refresh token that was never issued with 400 invalid_grant', () =>
    withInteraction(
      {
        uponReceiving: 'a refresh with an unknown refresh token',
        withRequest: refreshRequest(ex.UNKNOWN_REFRESH_TOKEN, false),
        willRespondWith: errorResponse(400, 'invalid_grant'),
      },
      (client) => assert.rejects(client.refresh(ex.UNKNOWN_REFRESH_TOKEN), isOAuthError(400, 'invalid_grant')),
    ));

  it('the committed contract equals the generated one (PACT_UPDATE=1 rewrites it)', () => {
    if (process.env.PACT_UPDATE === '1') copyFileSync(GENERATED_PACT, COMMITTED_PACT);
    const differences = contractDifferences(GENERATED_PACT, COMMITTED_PACT);
    assert.deepEqual(
      differences,
      [],
      `contracts/pacts is out of date (run npm run pact:generate): ${differences.join(', ')}`,
    );
  });
});
