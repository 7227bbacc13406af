// The part of k6's end-of-test summary data the suite reads (plain TypeScript: Node and k6 both use it).
interface ThresholdResult {
  ok: boolean;
}
interface MetricData {
  type: string;
  values: Record<string, number>;
  thresholds?: Record<string, ThresholdResult>;
}
export interface SummaryData {
  metrics: Record<string, MetricData>;
  root_group?: { checks?: { name: string; passes: number; fails: number }[] };
  state?: { testRunDurationMs?: number };
}

export function failedThresholds(data: SummaryData): string[] {
  const failed: string[] = [];
  for (const metric of Object.keys(data.metrics)) {
    const thresholds = data.metrics[metric]?.thresholds ?? {};
    for (const expression of Object.keys(thresholds))
      if (!thresholds[expression]?.ok) failed.push(`${metric}: ${expression}`);
  }
  return failed;
}
