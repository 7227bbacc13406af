// The Node engine: autocannon drives the password and chain flows over keep-alive connections,
// race loops run beside it, and every answer lands in one Recorder and one RotationLedger.
import autocannon from 'autocannon';
import type { FlowContext, FlowKind } from '../flows/flow.ts';
import { chooseFlow, createFlow } from '../flows/mix.ts';
import { RotationLedger } from '../flows/rotation.ts';
import { flowRequests, type StepResult } from './autocannon-flows.ts';
import { raceLoop } from './race-loop.ts';
import { Recorder } from './recorder.ts';
import type { LoadSettings } from './settings.ts';

export interface EngineOptions {
  durationSeconds: number;
  signal?: AbortSignal;
  progress?: boolean;
}
export type CheckCounts = Record<string, { passes: number; fails: number }>;
export interface EngineRun {
  recorder: Recorder;
  ledger: RotationLedger;
  checks: CheckCounts;
  durationSeconds: number;
  stoppedEarly: boolean;
}

export async function runNodeEngine(settings: LoadSettings, options: EngineOptions): Promise<EngineRun> {
  const { flows } = settings;
  const recorder = new Recorder();
  const ledger = new RotationLedger({ graceSeconds: flows.graceSeconds });
  const checks: CheckCounts = {};
  let nextUser = 0;
  const context = (): FlowContext => ({
    credentials: flows.users[nextUser++ % flows.users.length] as FlowContext['credentials'],
    format: flows.format,
    chainLength: flows.chainLength,
    raceWidth: flows.raceWidth,
    ledger,
    observer: {
      check: (name, ok) => {
        const c = (checks[name] ??= { passes: 0, fails: 0 });
        if (ok) c.passes += 1;
        else c.fails += 1;
      },
    },
  });
  const sequential = { ...flows.mix, race: 0 } as Record<FlowKind, number>;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const races = Array.from({ length: settings.raceLoops }, () =>
    raceLoop(flows.baseUrl, () => createFlow('race', context()), recorder, stop.signal),
  );
  const sequences =
    sequential.password + sequential.chain > 0
      ? runAutocannon(settings, options, recorder, stop.signal, () =>
          createFlow(chooseFlow(sequential, Math.random()), context()),
        )
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.durationSeconds * 1000);
          stop.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
  await sequences;
  stop.abort();
  await Promise.all(races);
  options.signal?.removeEventListener('abort', onAbort);
  return {
    recorder,
    ledger,
    checks,
    durationSeconds: recorder.elapsedSeconds(),
    stoppedEarly: options.signal?.aborted ?? false,
  };
}

function runAutocannon(
  settings: LoadSettings,
  options: EngineOptions,
  recorder: Recorder,
  signal: AbortSignal,
  newFlow: () => ReturnType<typeof createFlow>,
): Promise<void> {
  let last: StepResult | undefined;
  const requests = flowRequests(settings.flows.chainLength + 3, newFlow, (step) => {
    last = step;
  });
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: settings.flows.baseUrl,
        connections: settings.connections,
        duration: options.durationSeconds,
        timeout: 10,
        requests,
        ...(settings.rate > 0 ? { overallRate: settings.rate } : {}),
      },
      (error) => (error ? reject(error) : resolve()),
    );
    // onResponse (which sets `last`) runs synchronously right before autocannon's 'response' event.
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      recorder.record(last?.endpoint ?? null, responseTime, last?.ok ?? false),
    );
    instance.on('reqError', () => recorder.record(null, null, false));
    signal.addEventListener('abort', () => instance.stop(), { once: true });
    if (options.progress)
      autocannon.track(instance, {
        renderProgressBar: true,
        renderResultsTable: false,
        renderLatencyTable: false,
        outputStream: process.stderr,
      });
  });
}
