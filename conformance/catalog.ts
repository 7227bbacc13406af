// The conformance requirements, in the order they run. SECRET-01 (no password echo) and TOKEN-12 (uniqueness)
// run last: they read every answer and every token the run saw.
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
  rejectsWrongPassword,
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
  noPasswordEcho,
  unique,
];
