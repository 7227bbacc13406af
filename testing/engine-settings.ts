// Load settings for the Node engine's own tests: a target URL, documented token format, env-style knobs.
import { parseLoadSettings, type LoadOverrides, type LoadSettings } from '../load/settings.ts';

export function engineSettings(
  url: string,
  env: Record<string, string> = {},
  overrides: LoadOverrides = {},
): LoadSettings {
  return parseLoadSettings({ BASE_URL: url, TOKEN_SUITE_TOKEN_FORMAT: 'documented', ...env }, overrides);
}
