// The conformance requirements, in the order they run. The checks that send a wrong password for the configured
// account (the hostile cases' last one, the wrong-password case shared by ERROR-01/02, SECRET-01 and TOKEN-04)
// run after every check that needs a login to succeed: a server that locks the account after failed logins
// cannot take the rest down with it. SECRET-01 (no password echo) and TOKEN-12 (uniqueness) run last: they read
// every answer and every token the run saw.
import type { Check } from './check.ts';
import { chainHolds } from './checks/refresh/chain.ts';
import { documentedBody } from './checks/refresh/documented-body.ts';
import { newPair } from './checks/refresh/new-pair.ts';
import { raceOneWinner } from './checks/refresh/race.ts';
import { rejectsAccessToken } from './checks/refresh/rejects-access-token.ts';
import { rejectsBadTokens } from './checks/refresh/rejects-bad-tokens.ts';
import { replayRejected } from './checks/refresh/replay.ts';
import { reuseRevokesFamily } from './checks/refresh/reuse-detection.ts';
import { noServerErrors } from './checks/robustness/no-server-errors.ts';
import { noTokensForHostileInput } from './checks/robustness/no-tokens-for-hostile-input.ts';
import { oauthErrorBodies } from './checks/robustness/oauth-error-bodies.ts';
import { oauthErrorCodes } from './checks/robustness/oauth-error-codes.ts';
import { documentedExpiry } from './checks/token/documented-expiry.ts';
import { documentedFormat } from './checks/token/documented-format.ts';
import { issuesPair } from './checks/token/issues-pair.ts';
import { noPasswordEcho } from './checks/token/no-password-echo.ts';
import { noQueryCredentials } from './checks/token/no-query-credentials.ts';
import { noStore } from './checks/token/no-store.ts';
import { rejectsBadGrantType } from './checks/token/rejects-bad-grant-type.ts';
import { rejectsGet } from './checks/token/rejects-get.ts';
import { rejectsMissingCredentials } from './checks/token/rejects-missing-credentials.ts';
import { rejectsUnknownClient } from './checks/token/rejects-unknown-client.ts';
import { rejectsWrongPassword } from './checks/token/rejects-wrong-password.ts';
import { unique } from './checks/token/unique.ts';
import { unpredictable } from './checks/token/unpredictable.ts';

export const CONFORMANCE: readonly Check[] = [
  issuesPair,
  documentedFormat,
  documentedExpiry,
  rejectsUnknownClient,
  rejectsBadGrantType,
  rejectsMissingCredentials,
  noStore,
  noQueryCredentials,
  rejectsGet,
  unpredictable,
  documentedBody,
  newPair,
  replayRejected,
  raceOneWinner,
  reuseRevokesFamily,
  rejectsBadTokens,
  rejectsAccessToken,
  chainHolds,
  noServerErrors,
  noTokensForHostileInput,
  oauthErrorBodies,
  oauthErrorCodes,
  rejectsWrongPassword,
  noPasswordEcho,
  unique,
];
