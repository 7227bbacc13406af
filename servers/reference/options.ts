// The server's own check of its numeric options: whole numbers in the ranges the implementation really runs.
// A bad value is a typed error value, returned to callers (the CLI turns it into exit 2) and thrown by
// createTokenServer, so a bad value stops the start instead of failing every request later.
import { inspect } from 'node:util';
import type { ServerOptions } from './context.ts';
import { DEFAULTS } from './defaults.ts';

type NumericOption = keyof ServerOptions &
  (
    | 'scryptCost'
    | 'accessTtlSeconds'
    | 'refreshTtlSeconds'
    | 'bodyLimitBytes'
    | 'purgeIntervalMs'
    | 'maxTokens'
    | 'maxTokensPerUser'
  );

export class InvalidServerOption extends Error {
  constructor(
    readonly option: NumericOption,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidServerOption';
  }
}

interface Range {
  what: string;
  min: number;
  max: number;
  powerOfTwo?: boolean;
  /** Why the bounds are where they are, when it is not obvious. */
  why?: string;
}

const YEAR_SECONDS = 365 * 86_400;

/** @public Re-exported by servers/reference/index.ts for embedders. */
export const OPTION_RANGES: Record<NumericOption, Range> = {
  scryptCost: {
    what: 'the scrypt cost',
    min: 1024,
    max: 1_048_576,
    powerOfTwo: true,
    why:
      'below 1024 a hash is too cheap to guard a password (and below 4 scrypt refuses to run), ' +
      'above 2^20 each login needs over 1 GiB and seconds of CPU',
  },
  accessTtlSeconds: { what: 'the access-token lifetime in seconds', min: 1, max: YEAR_SECONDS },
  refreshTtlSeconds: { what: 'the refresh-token lifetime in seconds', min: 1, max: YEAR_SECONDS },
  bodyLimitBytes: { what: 'the request body limit in bytes', min: 1024, max: 1_048_576 },
  purgeIntervalMs: { what: 'the purge interval in milliseconds', min: 1000, max: 86_400_000 },
  // A JavaScript Map holds at most 2^24 (16.7 million) entries.
  maxTokens: { what: 'the token cap', min: 1, max: 10_000_000 },
  maxTokensPerUser: { what: 'the per-user token cap', min: 1, max: 10_000_000 },
};

/** The first option out of its range, as a typed error value; undefined when every option is fine. */
export function invalidServerOption(options: ServerOptions): InvalidServerOption | undefined {
  for (const [option, range] of Object.entries(OPTION_RANGES) as [NumericOption, Range][]) {
    const value: unknown = options[option];
    if (value === undefined || fits(value, range)) continue;
    return new InvalidServerOption(
      option,
      `${range.what} must be ${describe(range)} (got ${inspect(value)})${range.why ? `: ${range.why}` : ''}.`,
    );
  }
  const maxTokens = options.maxTokens ?? DEFAULTS.maxTokens;
  if (options.maxTokensPerUser !== undefined && options.maxTokensPerUser > maxTokens)
    return new InvalidServerOption(
      'maxTokensPerUser',
      `the per-user token cap (${options.maxTokensPerUser}) must not exceed the token cap (${maxTokens}).`,
    );
  return undefined;
}

function fits(value: unknown, { min, max, powerOfTwo }: Range): boolean {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return false;
  return !powerOfTwo || Number.isInteger(Math.log2(value));
}

const describe = ({ min, max, powerOfTwo }: Range): string =>
  `${powerOfTwo ? 'a power of two' : 'a whole number'} from ${min} to ${max}`;
