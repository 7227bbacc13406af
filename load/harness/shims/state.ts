// Per-VU state of the harness: the samples this VU emitted and the tags of what it is running.
export type MetricType = 'counter' | 'rate' | 'trend' | 'gauge';
export interface Sample {
  metric: string;
  type: MetricType;
  value: number;
  tags: Record<string, string>;
  time: number;
}

export const state = {
  samples: [] as Sample[],
  vu: { idInTest: 0, iterationInScenario: 0 },
  scenario: { name: 'default', iterationInTest: 0, startTime: Date.now() },
  /** Tags k6 adds to every sample of the running iteration. */
  tags: { scenario: 'default' } as Record<string, string>,
};

export function emit(metric: string, type: MetricType, value: number, tags: Record<string, string> = {}): void {
  state.samples.push({ metric, type, value, tags: { ...state.tags, ...tags }, time: Date.now() });
}
