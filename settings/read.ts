// Reads a table of settings once: the flag, else the environment variable (or an alias), else the
// default. A bad value is a SettingError naming where it came from and what it must be.
import { BadValue, SettingError, type Setting } from './setting.ts';

/** Settings of any value types, each keeping its own. */
export type SettingTable = Record<string, Setting<unknown>>;
export type SettingValues<T extends SettingTable> = { [K in keyof T]: T[K] extends Setting<infer V> ? V : never };

export type Env = Record<string, string | undefined>;
export type Flags = Record<string, string | boolean | undefined>;

export interface SettingSources {
  env: Env;
  flags?: Flags;
}

export function readSettings<T extends SettingTable>(table: T, sources: SettingSources): SettingValues<T> {
  const values = {} as Record<string, unknown>;
  for (const key of Object.keys(table)) values[key] = readSetting(table[key]!, sources);
  return values as SettingValues<T>;
}

function readSetting<V>(setting: Setting<V>, { env, flags = {} }: SettingSources): V {
  for (const name of setting.flag === undefined ? [] : [setting.flag, ...(setting.flagAliases ?? [])]) {
    const fromFlag = flags[name];
    if (fromFlag !== undefined) return parse(setting, String(fromFlag), `--${name}`, 'the flag');
  }
  for (const name of [setting.env, ...(setting.aliases ?? [])]) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') return parse(setting, raw, name, 'the environment');
  }
  return setting.fallback;
}

function parse<V>(setting: Setting<V>, raw: string, name: string, from: string): V {
  try {
    return setting.parse(raw);
  } catch (error) {
    if (!(error instanceof BadValue)) throw error;
    const shown = setting.secret ? '***' : raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
    throw new SettingError(`${name} must be ${error.message} (got '${shown}' from ${from}).`);
  }
}
