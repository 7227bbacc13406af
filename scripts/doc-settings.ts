// npm run readme:settings: the settings tables of README.md (verify) and docs/reference-server.md (serve),
// from the setting tables themselves (--write puts them there; a test fails when they drift).
import { renderSettingsTable } from '../settings/help.ts';
import { SERVE_SETTINGS } from '../settings/serve.ts';
import { VERIFY_SETTINGS } from '../settings/verify.ts';
import { writeSection } from './doc-sections.ts';

export const SETTINGS_SECTIONS: Record<'verify-settings' | 'serve-settings', string> = {
  'verify-settings': renderSettingsTable(VERIFY_SETTINGS),
  'serve-settings': renderSettingsTable(SERVE_SETTINGS),
};

if (process.argv[1]?.endsWith('doc-settings.ts')) {
  for (const [name, table] of Object.entries(SETTINGS_SECTIONS)) {
    console.log(`${table}\n`);
    if (process.argv.includes('--write')) writeSection(name as keyof typeof SETTINGS_SECTIONS, table);
  }
}
