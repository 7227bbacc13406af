// --help text and the documentation's settings tables, both from the setting tables: one source of truth.
import type { Setting } from './setting.ts';
import type { SettingTable } from './read.ts';

function shownDefault(setting: Setting<unknown>): string {
  if (setting.shownDefault !== undefined) return setting.shownDefault;
  if (setting.secret) return 'none';
  if (setting.fallback === undefined || setting.fallback === '') return 'none';
  const fallback = setting.fallback;
  if (Array.isArray(fallback)) return fallback.join(',');
  if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean')
    return `${fallback}`;
  return JSON.stringify(fallback);
}

function flagColumn(setting: Setting<unknown>): string {
  if (setting.flag === undefined) return '';
  return setting.boolean ? `--${setting.flag}` : `--${setting.flag} ${setting.placeholder ?? 'VALUE'}`;
}

/** "  --duration S         load duration in seconds (TOKEN_SUITE_DURATION, default 10)" per flag. */
export function renderFlagHelp(table: SettingTable, width = 22): string[] {
  return Object.values(table)
    .filter((s) => s.flag !== undefined)
    .map((s) => `  ${flagColumn(s).padEnd(width)} ${s.help} (${s.env}, default ${shownDefault(s)})`);
}

/** The environment-only settings, one line each. */
export function renderEnvHelp(table: SettingTable): string[] {
  return Object.values(table)
    .filter((s) => s.flag === undefined)
    .map((s) => `  ${s.env.padEnd(30)} ${s.help} (default ${shownDefault(s)})`);
}

/** A Markdown table of every setting: flag, variable (and aliases), default, meaning. */
export function renderSettingsTable(table: SettingTable): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.values(table).map((s) => {
    const env = [`\`${s.env}\``, ...(s.aliases ?? []).map((a) => `\`${a}\` (old name)`)].join(', ');
    const flagText = s.flag === undefined ? '' : `\`${flagColumn(s)}\``;
    return `| ${flagText} | ${env} | ${escape(shownDefault(s))} | ${escape(s.help)} |`;
  });
  return ['| flag | environment | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
