// npm run readme:settings: the README's settings tables, from the setting tables themselves (--write puts
// them into README.md; a test fails when they drift).
import { renderSettingsTable } from '../settings/help.ts';
import { SERVE_SETTINGS } from '../settings/serve.ts';
import { VERIFY_SETTINGS } from '../settings/verify.ts';
import { writeSection } from './readme-section.ts';

export const SETTINGS_SECTIONS = {
  'verify-settings': renderSettingsTable(VERIFY_SETTINGS),
  'serve-settings': renderSettingsTable(SERVE_SETTINGS),
};

if (process.argv[1]?.endsWith('readme-settings.ts')) {
  for (const [name, table] of Object.entries(SETTINGS_SECTIONS)) {
    console.log(`${table}\n`);
    if (process.argv.includes('--write')) writeSection(name, table);
  }
}
