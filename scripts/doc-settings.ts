// npm run readme:settings: the settings tables of README.md (verify), docs/reference-server.md (serve) and
// docs/k6.md (collect), from the setting tables themselves (--write puts them there; a test fails when they drift).
import { renderSettingsTable } from '../settings/help.ts';
import { COLLECT_SETTINGS } from '../settings/collect.ts';
import { SERVE_SETTINGS } from '../settings/serve.ts';
import { VERIFY_SETTINGS } from '../settings/verify.ts';
import { writeSection } from './doc-sections.ts';

export const SETTINGS_SECTIONS: Record<'verify-settings' | 'serve-settings' | 'collect-settings', string> = {
  'verify-settings': renderSettingsTable(VERIFY_SETTINGS),
  'serve-settings': renderSettingsTable(SERVE_SETTINGS),
  'collect-settings': renderSettingsTable(COLLECT_SETTINGS),
};

if (process.argv[1]?.endsWith('doc-settings.ts')) {
  for (const [name, table] of Object.entries(SETTINGS_SECTIONS)) {
    console.log(`${table}\n`);
    if (process.argv.includes('--write')) writeSection(name as keyof typeof SETTINGS_SECTIONS, table);
  }
}
