// Runs a built k6 bundle without k6: the `k6` modules are provided by shims over real HTTP, each VU
// in its own thread. Mirrors `k6 run`: thresholds decide the exit code (99 when one fails), and
// handleSummary's outputs are written (stdout printed, other keys written as files).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsWorker } from './ts-worker.ts';
import { summarize, thresholdsFailed, type SummaryData } from './aggregate.ts';
import { planFor, type Plan, type ScenarioOptions } from './plan.ts';
import type { Sample } from './shims/state.ts';
import type { ThresholdSpec } from './thresholds.ts';
import type { VuData } from './vu-worker.ts';

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Caps every scenario's duration (default: none). */
  maxDurationMs?: number;
  /** Where handleSummary's file outputs go (default: the current directory). */
  cwd?: string;
  stdout?: (text: string) => void;
  /** Writes every sample there as k6's `--out json` does (one JSON object per line). */
  samplesFile?: string | null;
}

export interface HarnessResult {
  data: SummaryData;
  failedThresholds: string[];
  errors: string[];
  exitCode: number;
}

interface K6Options {
  scenarios?: Record<string, ScenarioOptions>;
  thresholds?: Record<string, ThresholdSpec[]>;
  summaryTrendStats?: string[];
  vus?: number;
  iterations?: number;
  duration?: string;
}

export const THRESHOLDS_FAILED_EXIT_CODE = 99;
const SHIMS = ['k6', 'k6/http', 'k6/metrics', 'k6/execution'];

/** Copies the bundle with its `k6/*` imports pointing at the shims. */
export function rewriteBundle(source: string): string {
  return source.replace(/(from\s*|import\s*)(["'])(k6(?:\/[\w-]+)?)\2/g, (_all, lead: string, _q, module: string) => {
    if (!SHIMS.includes(module)) throw new Error(`the harness does not provide ${module}`);
    const file = module === 'k6' ? 'k6' : module.slice(3);
    return `${lead}${JSON.stringify(new URL(`./shims/${file}.ts`, import.meta.url).href)}`;
  });
}

function spawn<T>(data: VuData): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const worker = tsWorker(new URL('./vu-worker.ts', import.meta.url), { workerData: data });
    worker.once('message', (message: T) => {
      resolvePromise(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`VU thread exited (${code}) before answering`)));
  });
}

function scenariosOf(options: K6Options): Record<string, ScenarioOptions> {
  if (options.scenarios) return options.scenarios;
  if (options.duration)
    return { default: { executor: 'constant-vus', vus: options.vus ?? 1, duration: options.duration } };
  return { default: { executor: 'shared-iterations', vus: options.vus ?? 1, iterations: options.iterations ?? 1 } };
}

export async function runBundle(bundlePath: string, options: HarnessOptions = {}): Promise<HarnessResult> {
  const dir = mkdtempSync(join(tmpdir(), 'token-suite-k6-'));
  try {
    const file = join(dir, basename(bundlePath).replace(/\.js$/, '.mjs'));
    writeFileSync(file, rewriteBundle(readFileSync(bundlePath, 'utf8')));
    const base = { bundleUrl: pathToFileURL(file).href, env: options.env ?? {}, vuId: 0 };
    const k6Options = await spawn<K6Options>({ ...base, mode: 'options' });
    const setup = await spawn<{ data: unknown; samples: Sample[] }>({ ...base, mode: 'setup' });
    const started = Date.now();
    const plans = Object.entries(scenariosOf(k6Options)).map(([name, s]) => planFor(name, s, options.maxDurationMs));
    let nextVu = 1;
    const runs = plans.flatMap((plan: Plan) => {
      const counter = new SharedArrayBuffer(4);
      return Array.from({ length: plan.vus }, () =>
        spawn<{ samples: Sample[]; errors: string[] }>({
          ...base,
          mode: 'vu',
          vuId: nextVu++,
          plan,
          counter,
          startedAt: Date.now(),
          setupData: setup.data,
        }),
      );
    });
    const results = await Promise.all(runs);
    const samples = [setup.samples, ...results.map((r) => r.samples)].flat();
    const data = summarize(samples, k6Options.thresholds ?? {}, Date.now() - started, k6Options.summaryTrendStats);
    const outputs = await spawn<Record<string, string> | null>({ ...base, mode: 'summary', summary: data });
    writeOutputs(outputs, options);
    if (options.samplesFile) writeSamples(options.samplesFile, samples);
    const failed = thresholdsFailed(data);
    return {
      data,
      failedThresholds: failed,
      errors: results.flatMap((r) => r.errors),
      exitCode: failed.length ? THRESHOLDS_FAILED_EXIT_CODE : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeOutputs(outputs: Record<string, string> | null, options: HarnessOptions): void {
  for (const [key, text] of Object.entries(outputs ?? {})) {
    if (key === 'stdout' || key === 'stderr') {
      (options.stdout ?? ((t: string) => process.stdout.write(t)))(text);
      continue;
    }
    const path = resolve(options.cwd ?? process.cwd(), key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

function writeSamples(file: string, samples: Sample[]): void {
  const lines = samples.map((s) =>
    JSON.stringify({
      type: 'Point',
      metric: s.metric,
      data: { time: new Date(s.time).toISOString(), value: s.value, tags: s.tags },
    }),
  );
  writeFileSync(file, lines.join('\n') + '\n');
}
