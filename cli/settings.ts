// Every setting: a flag, else an environment variable, else a default. Bad values are usage errors.
import { UsageError } from './usage-error.ts';

type Raw = string | boolean | undefined;

function raw(flag: Raw, env: string): { value: Raw; from: string } | undefined {
  if (flag !== undefined) return { value: flag, from: 'flag' };
  const fromEnv = process.env[env];
  return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, from: env } : undefined;
}

export function stringSetting(flag: Raw, env: string, fallback: string): string {
  const found = raw(flag, env);
  return found === undefined ? fallback : String(found.value);
}

export function optionalString(flag: Raw, env: string): string | undefined {
  const found = raw(flag, env);
  return found === undefined ? undefined : String(found.value);
}

export function numberSetting(
  flag: Raw,
  env: string,
  fallback: number,
  { min = 0, max = Number.MAX_SAFE_INTEGER, name = env } = {},
): number {
  const found = raw(flag, env);
  if (found === undefined) return fallback;
  const value = Number(found.value);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(
      `${name} must be a number from ${min} to ${max} (got '${String(found.value)}' from ${found.from}).`,
    );
  }
  return value;
}

export function booleanSetting(flag: boolean | undefined, env: string): boolean {
  if (flag !== undefined) return flag;
  const value = (process.env[env] ?? '').toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  throw new UsageError(`${env} must be true or false (got '${value}').`);
}
