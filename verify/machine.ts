// The machine facts and load settings every summary.json records (verdict/machine.ts): what a comparison with a
// baseline needs to say whether the two runs can be compared, and whether they ran on the same machine.
import { cpus, loadavg, platform, arch } from 'node:os';
import { checkVersion } from '../load/k6/check.ts';
import { findK6 } from '../load/k6/engine.ts';
import type { MachineFacts, RunSettings } from '../verdict/machine.ts';
import type { VerifySettings } from '../settings/verify.ts';

export async function machineFacts(): Promise<MachineFacts> {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    cores: Math.max(1, cpus().length),
    cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
    load_average: [round(one), round(five), round(fifteen)],
    node: process.version,
    k6: await k6Version(),
    platform: `${platform()}-${arch()}`,
  };
}

async function k6Version(): Promise<string | null> {
  const k6 = findK6();
  if (!k6) return null;
  const line = await checkVersion(k6).then(
    ({ line }) => line,
    () => null,
  );
  return /v\d+\.\d+\.\d+/.exec(line ?? '')?.[0] ?? line;
}

/** The settings that change the load figures; the engine the load layer used, when it ran. */
export function runSettings(settings: VerifySettings, load: Record<string, unknown> | undefined | null): RunSettings {
  const ran = typeof load?.engine === 'string' ? load.engine : undefined;
  return {
    engine: ran ?? settings.engine,
    model: settings.rate > 0 ? 'open' : 'closed',
    rate: settings.rate,
    connections: settings.connections,
    duration_s: settings.durationSeconds,
  };
}
