// The conformance requirements, in the order they run. TOKEN-12 (uniqueness) runs last: it reads every token the run saw.
import type { Check } from './check.ts';
import { chainHolds } from './checks/refresh/chain.ts';
import { documentedBody } from './checks/refresh/documented-body.ts';
import { newPair } from './checks/refresh/new-pair.ts';
import { raceOneWinner } from './checks/refresh/race.ts';
import { rejectsAccessToken, rejectsBadTokens } from './checks/refresh/rejects-bad-tokens.ts';
import { replayRejected } from './checks/refresh/replay.ts';
import { reuseRevokesFamily } from './checks/refresh/reuse-detection.ts';
import { oauthErrorBodies, oauthErrorCodes } from './checks/robustness/error-style.ts';
import { noServerErrors, noTokensForHostileInput } from './checks/robustness/hostile-input.ts';
import { documentedExpiry } from './checks/token/documented-expiry.ts';
import { documentedFormat } from './checks/token/documented-format.ts';
import { issuesPair } from './checks/token/issues-pair.ts';
import { noPasswordEcho } from './checks/token/no-password-echo.ts';
import { noQueryCredentials, rejectsGet } from './checks/token/no-query-credentials.ts';
import { noStore } from './checks/token/no-store.ts';
import {
  rejectsBadGrantType,
  rejectsMissingCredentials,
  rejectsUnknownClient,
  rejectsWrongPassword,
} from './checks/token/rejections.ts';
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
  noPasswordEcho,
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
  unique,
];
