// The settings of `token-suite collect`, the collector k6 runners (a k6-operator TestRun, or `verify
// --runners`) report to. The thresholds the run is judged by are the TOKEN_SUITE_LOAD_* variables, as for verify.
import type { SettingValues } from './read.ts';
import { BadValue, integer, text, type Setting } from './setting.ts';
import { VERIFY_SETTINGS } from './verify.ts';

const setting = <T>(s: Setting<T>) => s;

/** "HOST:PORT" ("[::]:8070" for IPv6) → its parts. */
function listenAddress(raw: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5})$/.exec(raw.trim());
  const port = Number(match?.[2]);
  if (!match || port > 65_535) throw new BadValue('HOST:PORT, e.g. 0.0.0.0:8070 (port 0 picks a free one)');
  return { host: (match[1] as string).replace(/^\[(.*)\]$/, '$1'), port };
}

export const COLLECT_SETTINGS = {
  listen: setting({
    flag: 'listen',
    env: 'TOKEN_SUITE_COLLECT_LISTEN',
    placeholder: 'ADDR',
    fallback: { host: '0.0.0.0', port: 8070 },
    shownDefault: '0.0.0.0:8070',
    help: 'HOST:PORT the collector listens on (runners post to http://HOST:PORT, TOKEN_SUITE_K6_COLLECTOR_URL)',
    parse: listenAddress,
  }),
  runners: { ...VERIFY_SETTINGS.runners, help: "k6 runners to expect (the TestRun's parallelism)" },
  deadlineSeconds: setting({
    flag: 'deadline',
    env: 'TOKEN_SUITE_COLLECT_DEADLINE',
    placeholder: 'S',
    fallback: 3600,
    help: 'seconds after which the run is judged with what arrived (a runner that has not ended is named)',
    parse: integer(1, 7 * 86_400),
  }),
  runId: setting({
    flag: 'run-id',
    env: 'TOKEN_SUITE_RUN_ID',
    placeholder: 'ID',
    fallback: 'token-suite',
    help: "the run's name, also given to the runners: messages of another run are refused",
    parse: text,
  }),
  baseUrl: setting<string | undefined>({
    ...VERIFY_SETTINGS.baseUrl,
    shownDefault: "the runners' BASE_URL",
    help: 'the target the runners load, as the reports name it',
  }),
  reportDir: VERIFY_SETTINGS.reportDir,
  rotationGraceSeconds: VERIFY_SETTINGS.rotationGraceSeconds,
};

export type CollectSettings = SettingValues<typeof COLLECT_SETTINGS>;
