// The reference server's defaults, in one place (docs/reference-server.md states them).
export const DEFAULTS = {
  accessTtlSeconds: 3600,
  refreshTtlSeconds: 86_400,
  bodyLimitBytes: 8192,
  scryptCost: 16_384,
  purgeIntervalMs: 60_000,
  historyLimit: 64,
  maxTokens: 1_000_000,
  maxTokensPerUser: 100_000,
  purgeSliceMs: 5,
} as const;
