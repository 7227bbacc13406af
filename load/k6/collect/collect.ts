// `token-suite collect` as a function: listen, merge what the runners stream until every runner ended
// (or the deadline, or an interruption), then judge the run as a whole. The caller writes the reports.
import type { RequirementResult } from '../../../verdict/types.ts';
import type { LoadSettings } from '../../settings.ts';
import { judgeMerge, type CollectedVerdict } from './judge.ts';
import { RunMerge } from './merge.ts';
import { CollectServer, type EndReason } from './server.ts';
import { segmentsOf } from './wire.ts';

export interface CollectOptions {
  host: string;
  port: number;
  runners: number;
  deadlineSeconds: number;
  runId: string;
  settings: LoadSettings;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Called with the URL once listening (the runners' TOKEN_SUITE_K6_COLLECTOR_URL). */
  onListening?: (url: string) => void;
}

export interface CollectResult extends CollectedVerdict {
  ended: EndReason;
  /** The target the runners named in their end messages (the first one). */
  baseUrl: string | null;
  notes: string[];
  requirements: RequirementResult[];
}

export async function collect(options: CollectOptions): Promise<CollectResult> {
  const merge = new RunMerge({
    runId: options.runId,
    runners: segmentsOf(options.runners),
    uniqueCapacity: options.settings.uniqueCapacity,
  });
  const server = new CollectServer({
    merge,
    host: options.host,
    port: options.port,
    deadlineMs: options.deadlineSeconds * 1000,
    log: options.log,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const url = await server.listen();
  options.log(
    `collector: listening on ${url} for ${options.runners} runner(s) of run '${options.runId}' ` +
      `(${segmentsOf(options.runners).join(', ')}), judging at the latest after ${options.deadlineSeconds} s`,
  );
  options.onListening?.(url);
  const ended = await server.ended;
  await server.close();
  options.log(`collector: ${ended}; judging the run`);
  return { ...judgeMerge(merge, options.settings, ended === 'aborted'), ended, ...describe(merge, ended) };
}

function describe(merge: RunMerge, ended: EndReason) {
  const rejected = Object.entries(merge.rejected).map(([why, n]) => `${n} ${why}`);
  const notes = [
    `collected from ${merge.runners.size} k6 runner(s) by \`token-suite collect\`` +
      (ended === 'deadline' ? ', judged at its deadline' : ''),
    ...(rejected.length ? [`the collector refused messages: ${rejected.join(', ')}`] : []),
  ];
  const first = [...merge.runners.values()].find((r) => r.done)?.done?.baseUrl ?? null;
  return { notes, baseUrl: first };
}
