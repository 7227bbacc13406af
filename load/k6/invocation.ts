// Every k6 command line the suite runs, built in one place for the k6 version at hand, and the environment
// k6 runs with. Supported: k6 >= 0.49 and < 3 (docs/k6.md). Nothing the bundles or these command lines use
// was removed or changed between k6 v0.49 and v2.2 (k6's release notes, v1.0.0 to v2.2.0): k6 v2.0.0
// removed `--no-summary`, `--summary-mode=legacy` and the `externally-controlled` executor, none of which
// the suite uses, and handleSummary still receives the legacy summary data by default. So the flags are the
// same for every supported version; what varies is only whether the suite agrees to run that k6 at all.
// The environment is scrubbed of the variables that would change what handleSummary receives or whether it
// runs (K6_SUMMARY_MODE, K6_NO_SUMMARY, K6_NEW_MACHINE_READABLE_SUMMARY): a user's shell setting must not
// change the suite's evidence.

export type K6Version = readonly [number, number, number];

/** The oldest k6 the bundles are tested on (ES2017 through its Babel, the APIs they use). */
export const MIN_K6_VERSION: K6Version = [0, 49, 0];
/** The first major version the suite has not been checked against. */
const UNSUPPORTED_MAJOR = 3;
const SUPPORTED_RANGE = `>=${MIN_K6_VERSION.join('.')} <${UNSUPPORTED_MAJOR}`;

const SCRUBBED = ['K6_SUMMARY_MODE', 'K6_NO_SUMMARY', 'K6_NEW_MACHINE_READABLE_SUMMARY'] as const;

/** Why the suite will not run this k6 (one sentence), or null when it is in the supported range. */
export function versionProblem(version: K6Version): string | null {
  const shown = `k6 v${version.join('.')}`;
  const oldest = `k6 v${MIN_K6_VERSION.join('.')}`;
  for (let i = 0; i < 3; i += 1) {
    if (version[i] === MIN_K6_VERSION[i]) continue;
    if ((version[i] as number) < (MIN_K6_VERSION[i] as number))
      return `${shown} is older than ${oldest}, the oldest k6 the suite supports (${SUPPORTED_RANGE})`;
    break;
  }
  if (version[0] >= UNSUPPORTED_MAJOR)
    return `${shown} is newer than any k6 the suite was checked against (${SUPPORTED_RANGE}); use k6 v2.x or older`;
  return null;
}

/** The first k6 that runs ES modules natively (v0.53.0's release notes); before it Babel transpiles them. */
const NATIVE_ESM: K6Version = [0, 53, 0];

/**
 * The bundle format a verify run builds for this k6: ES modules (Grafana's templates) where k6 runs them
 * natively; CommonJS before, where k6's Babel transpiles an ES module at every start (k6 v0.49 on 2 shared
 * cores: `k6 inspect` of the 60 KB mix bundle 6.2 s as an ES module, 0.04 s as CommonJS, the same options).
 */
export function bundleFormat(version: K6Version): 'esm' | 'cjs' {
  const older = version.findIndex((part, i) => part !== NATIVE_ESM[i]);
  return older >= 0 && (version[older] as number) < (NATIVE_ESM[older] as number) ? 'cjs' : 'esm';
}

/** -e NAME=value for each variable (never credentials: those go through the environment). */
const envArgs = (vars: Record<string, string>) => Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]);

export interface RunInvocation {
  version: K6Version;
  bundle: string;
  vars: Record<string, string>;
  /** This runner's share of an operator-style run: runner `index` (from 0) of `count`. */
  segment?: { index: number; count: number };
}

/** `k6 run` for a supported k6; throws on an unsupported one (checkVersion refuses it before). */
export function k6RunArgs(invocation: RunInvocation): string[] {
  const problem = versionProblem(invocation.version);
  if (problem) throw new Error(problem);
  return [
    'run',
    '--quiet',
    '--no-color',
    ...segmentArgs(invocation.segment),
    ...envArgs(invocation.vars),
    invocation.bundle,
  ];
}

/** `k6 inspect`: runs the bundle's init code without sending a request. */
export function k6InspectArgs(bundle: string, vars: Record<string, string>): string[] {
  return ['inspect', '--include-system-env-vars', ...envArgs(vars), bundle];
}

/**
 * The k6-operator's split for parallelism N: runner i runs `--execution-segment i/N:(i+1)/N` of the
 * sequence `0,1/N,...,1` (written as the operator writes them: `0:1/4`, `1/4:2/4`, ..., `3/4:1`).
 */
function segmentArgs(segment: RunInvocation['segment']): string[] {
  if (!segment || segment.count === 1) return [];
  const point = (i: number) => (i === 0 ? '0' : i === segment.count ? '1' : `${i}/${segment.count}`);
  const sequence = Array.from({ length: segment.count + 1 }, (_, i) => point(i)).join(',');
  return [
    '--execution-segment',
    `${point(segment.index)}:${point(segment.index + 1)}`,
    '--execution-segment-sequence',
    sequence,
  ];
}

/** The environment for k6: the given one without the summary-changing variables, no usage report. */
export function k6Env(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, K6_NO_USAGE_REPORT: 'true' };
  for (const name of SCRUBBED) delete clean[name];
  return clean;
}
