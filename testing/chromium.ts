// A Chromium for the report's browser test: Debian's (apt-get install -y chromium), another system
// Chrome, or TOKEN_SUITE_CHROMIUM. Downloading a browser is not possible here, so playwright-core drives
// this binary; without one the browser test is skipped with the line that enables it.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const CHROMIUM_HINT =
  'no Chromium found: apt-get install -y chromium, or set TOKEN_SUITE_CHROMIUM=/path/to/chrome';

export function findChromium(env = process.env): string | undefined {
  const configured = env.TOKEN_SUITE_CHROMIUM;
  if (configured) return configured;
  return CANDIDATES.find((path) => existsSync(path));
}
