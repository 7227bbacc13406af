// The settings that loosened a requirement, each with what it loosened. Every report states them at its top
// (summary.json's `loosened`, report.html's first box, the JUnit properties, the console), so a pass earned
// under a relaxed bar is never read as a pass under the default one.
import { parseLoadSettings, type LoadThresholds } from '../load/settings.ts';
import type { LayerName } from '../verdict/types.ts';

interface Loosening {
  rotationGraceSeconds: number;
  only: readonly LayerName[];
}

const THRESHOLDS: { key: keyof LoadThresholds; variable: string; loosens: (value: number) => string }[] = [
  {
    key: 'maxErrorRate',
    variable: 'TOKEN_SUITE_LOAD_MAX_ERROR_RATE',
    loosens: (v) => `LOAD-01 tolerates up to ${+(v * 100).toFixed(2)}% unexpected answers and failed checks`,
  },
  {
    key: 'p95TokenMs',
    variable: 'TOKEN_SUITE_LOAD_P95_TOKEN_MS',
    loosens: (v) => `LOAD-02 accepts a password-grant p95 up to ${v} ms`,
  },
  {
    key: 'p95RefreshMs',
    variable: 'TOKEN_SUITE_LOAD_P95_REFRESH_MS',
    loosens: (v) => `LOAD-02 accepts a refresh p95 up to ${v} ms`,
  },
  {
    key: 'degradationFactor',
    variable: 'TOKEN_SUITE_LOAD_DEGRADATION_FACTOR',
    loosens: (v) => `LOAD-06 accepts a last third up to ${v}× slower than the first`,
  },
  {
    key: 'degradationSlackMs',
    variable: 'TOKEN_SUITE_LOAD_DEGRADATION_SLACK_MS',
    loosens: (v) => `LOAD-06 adds ${v} ms of slack to its bound`,
  },
];

/** One sentence per setting that made a requirement easier to pass than its default. */
export function loosenedRequirements(settings: Loosening, env: NodeJS.ProcessEnv = process.env): string[] {
  const lines: string[] = [];
  const grace = settings.rotationGraceSeconds;
  if (grace > 0) {
    const load = settings.only.includes('load') ? '; the load rotation checks count only replays outside it' : '';
    lines.push(
      `--rotation-grace ${grace}: a used refresh token may work again within ${grace} s of its first use ` +
        '(REFRESH-03; REFRESH-04 allows extra winners, each with a distinct valid pair; REFRESH-05 waits ' +
        `the window out; TOKEN-12 excuses a refresh repeated inside it)${load}`,
    );
  }
  if (!settings.only.includes('load')) return lines;
  const defaults = parseLoadSettings({}).thresholds;
  let given: LoadThresholds;
  try {
    given = parseLoadSettings(env).thresholds;
  } catch {
    return lines; // a bad value stops the run before the layers (cli/verify.ts); nothing was loosened
  }
  for (const { key, variable, loosens } of THRESHOLDS) {
    if (given[key] > defaults[key])
      lines.push(`${variable}=${given[key]} (default ${defaults[key]}): ${loosens(given[key])}`);
  }
  return lines;
}
