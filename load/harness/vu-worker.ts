// One k6 VU (or the init context for options/setup/handleSummary) in its own thread: it imports the
// rewritten bundle, so module state is per VU as in k6, and runs iterations as its plan says.
import { parentPort, workerData } from 'node:worker_threads';
import type { Plan } from './plan.ts';
import { emit, state } from './shims/state.ts';

export interface VuData {
  mode: 'options' | 'setup' | 'vu' | 'summary';
  bundleUrl: string;
  env: Record<string, string>;
  vuId: number;
  plan?: Plan;
  counter?: SharedArrayBuffer;
  startedAt?: number;
  setupData?: unknown;
  summary?: unknown;
}

const data = workerData as VuData;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
Object.assign(globalThis, { __ENV: data.env, __VU: data.vuId, __ITER: 0 });
state.vu.idInTest = data.vuId;
const bundle = (await import(data.bundleUrl)) as Record<string, unknown>;
const call = (name: string, ...args: unknown[]) =>
  typeof bundle[name] === 'function' ? (bundle[name] as (...a: unknown[]) => unknown)(...args) : undefined;

if (data.mode === 'options') parentPort!.postMessage(JSON.parse(JSON.stringify(bundle.options ?? {})));
else if (data.mode === 'setup')
  parentPort!.postMessage({ data: JSON.parse(JSON.stringify(call('setup') ?? null)), samples: state.samples });
else if (data.mode === 'summary') parentPort!.postMessage(call('handleSummary', data.summary) ?? null);
else parentPort!.postMessage(runIterations(data.plan as Plan));

function runIterations(plan: Plan): { samples: typeof state.samples; errors: string[] } {
  const counter = new Int32Array(data.counter as SharedArrayBuffer);
  const startedAt = data.startedAt ?? Date.now();
  const deadline = startedAt + plan.durationMs;
  const errors: string[] = [];
  Object.assign(state.scenario, { name: plan.scenario, startTime: startedAt });
  state.tags.scenario = plan.scenario;
  for (let i = 0; Date.now() < deadline; i += 1) {
    const k = plan.mode === 'per-vu' ? i : Atomics.add(counter, 0, 1);
    if ((plan.mode === 'per-vu' || plan.mode === 'shared') && k >= plan.iterations) break;
    if (plan.mode === 'arrival') {
      const startAt = startedAt + (k * 1000) / plan.rate;
      if (startAt >= deadline) break;
      if (startAt > Date.now()) Atomics.wait(sleeper, 0, 0, startAt - Date.now());
    }
    Object.assign(globalThis, { __ITER: i });
    state.vu.iterationInScenario = i;
    state.scenario.iterationInTest = k;
    const began = performance.now();
    try {
      call(plan.exec, data.setupData);
    } catch (error) {
      errors.push(String(error));
    }
    emit('iterations', 'counter', 1);
    emit('iteration_duration', 'trend', performance.now() - began);
  }
  return { samples: state.samples, errors };
}
