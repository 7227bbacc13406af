// The Node engine for `npm run bench`, in its own process so its CPU time is its own: password grants
// only, every check on (schema, documented token format, uniqueness). Prints one JSON line:
// {requests, rps, cpuSeconds, errors, failedChecks, workers}; cpuSeconds is the whole process's CPU
// during the run (start-up and worker boot excluded, as the marginal cost the issue measures).
import { runNodeEngine } from '../load/node/engine.ts';
import { parseLoadSettings } from '../load/settings.ts';

const [baseUrl = '', duration = '5', connections = '32'] = process.argv.slice(2);
const settings = parseLoadSettings(
  { ...process.env, BASE_URL: baseUrl, TOKEN_SUITE_LOAD_MIX: 'password:1', TOKEN_SUITE_TOKEN_FORMAT: 'documented' },
  { connections: Number(connections) },
);
const run = await runNodeEngine(settings, { durationSeconds: Number(duration) });
const { requests, errors } = run.recorder.overall;
const failedChecks = Object.values(run.checks).reduce((sum, c) => sum + c.fails, 0);
console.log(
  JSON.stringify({
    requests,
    errors,
    failedChecks,
    collisions: run.rotation.violations.token_collision,
    tokensChecked: run.uniqueness.checked,
    rps: requests / run.durationSeconds,
    cpuSeconds: run.client.process_cpu_s,
    workers: run.model.workers,
  }),
);
