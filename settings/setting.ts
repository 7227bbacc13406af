// What a setting is: a value with a default, an environment variable (plus old names kept as aliases
// for one release) and, for most, a command-line flag; and the parsers that turn raw text into typed
// values or one sentence saying what is wrong. Plain TypeScript, no Node imports: k6 bundles it too.

export interface Setting<T> {
  /** The environment variable, e.g. TOKEN_SUITE_DURATION. */
  env: string;
  /** Older names of the variable, still read (documented as aliases for one release). */
  aliases?: readonly string[];
  /** The flag without its dashes, e.g. 'duration'; none for environment-only settings (secrets). */
  flag?: string;
  /** Other flags that say the same (e.g. --mutant for --impl). */
  flagAliases?: readonly string[];
  /** A flag that takes no value (--insecure); its variable takes true/false. */
  boolean?: true;
  /** How the value looks in --help, e.g. 'S', 'URL'. */
  placeholder?: string;
  fallback: T;
  /** The default as --help shows it, when `fallback` alone does not say it (e.g. "the embedded server"). */
  shownDefault?: string;
  help: string;
  parse: (raw: string) => T;
  /** Never printed: --help shows only the variable's name. */
  secret?: true;
}

/** A value that cannot be used; the reader adds where it came from. Exit code 2. */
export class SettingError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'SettingError';
  }
}

/** Thrown by parsers: what the value must be, e.g. "a whole number from 1 to 86400". */
export class BadValue extends Error {}

export function integer(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      throw new BadValue(`a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

export function decimal(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      throw new BadValue(`a number from ${min} to ${max}`);
    }
    return value;
  };
}

export function oneOf<T extends string>(choices: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(choices as readonly string[]).includes(raw)) throw new BadValue(`one of ${choices.join(', ')}`);
    return raw as T;
  };
}

export function flag(raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new BadValue('true or false');
}

export function text(raw: string): string {
  return raw;
}

/** An http(s) origin or base URL, without trailing slashes. */
export function httpUrl(raw: string): string | undefined {
  if (!/^https?:\/\/[^/?#\s]+/i.test(raw)) throw new BadValue('an http(s) URL, e.g. http://127.0.0.1:8080');
  return raw.replace(/\/+$/, '');
}
