// Provider states: sentences with {params}. The consumer tests name them, the verifier meets them,
// the reference server implements them (servers/reference/provider-states.ts) with exactly these sentences.
export const STATES = {
  userExists: 'user {username} with password {password} exists for client {clientId}',
  refreshIssued: 'refresh token {refreshToken} was issued to {username}',
  refreshUsed: 'refresh token {refreshToken} was already used',
  noClient: 'no client {clientId}',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];
