// The Node engine for `npm run bench`, in its own process so its CPU time is its own:
// refresh chains only (one grant per 1,000 rotations), no races. Prints {requests, rps, cpuSeconds}.
import { runNodeEngine } from '../load/engine/node-engine.ts';
import { parseLoadSettings } from '../load/engine/settings.ts';

const [baseUrl = '', duration = '5', connections = '8'] = process.argv.slice(2);
const settings = parseLoadSettings(
  { ...process.env, BASE_URL: baseUrl, TOKEN_SUITE_LOAD_MIX: 'chain:1', TOKEN_SUITE_LOAD_CHAIN_LENGTH: '1000' },
  { connections: Number(connections), raceLoops: 0 },
);
const cpu = process.cpuUsage();
const run = await runNodeEngine(settings, { durationSeconds: Number(duration) });
const used = process.cpuUsage(cpu);
const { requests, errors } = run.recorder.overall;
console.log(
  JSON.stringify({
    requests,
    errors,
    rps: requests / run.durationSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
  }),
);
