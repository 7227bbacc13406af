// What a run ran on and how it was set up: recorded in every summary.json, so that a comparison with a baseline
// can say when the two runs are not comparable (settings) or come from different machines (a warning).

/** The machine a run measured from. */
export interface MachineFacts {
  cores: number;
  cpu_model: string;
  /** The 1, 5 and 15 minute load averages when the run started. */
  load_average: [number, number, number];
  node: string;
  /** The k6 version on the PATH, or null when there is none (or it was not looked for). */
  k6: string | null;
  platform: string;
}

/** The settings that change the load figures: two runs that differ in one cannot be compared. */
export interface RunSettings {
  /** The engine that ran the load (node or k6), or the one asked for when the load did not run. */
  engine: string;
  /** closed (fixed users) or open (a fixed rate of flow starts). */
  model: 'closed' | 'open';
  rate: number;
  connections: number;
  duration_s: number;
}

/** summary.json's format: 2 added schemaVersion, machine, settings and baseline. A file without one is 1. */
export const SUMMARY_SCHEMA_VERSION = 2;
