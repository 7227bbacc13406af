// The tool's version, read from package.json: one source for `token-suite --version` and summary.json.
import { readFileSync } from 'node:fs';

export function readVersion(packageJson: URL | string): string {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || version === '') throw new Error(`${String(packageJson)} has no version`);
  return version;
}

export const TOOL_VERSION = readVersion(new URL('../package.json', import.meta.url));
