// Executors per profile. Load and soak use arrival-rate executors: a slow server cannot hide its
// latency by slowing the test down (no coordinated omission). Throughput keeps a fixed number of VUs
// busy for the duration, as fast as the server answers (what `verify` runs when --rate is 0, like the
// Node engine's fixed connections).
import type { Scenario } from 'k6/options';
import { k6Rate, RATE_DIGITS } from './rate.ts';
import type { K6Settings } from './settings.ts';

/** The most VUs an arrival-rate profile may start: k6 adds VUs while answers are slow. */
export const maxVusFor = (vus: number) => Math.max(vus * 5, 50);

/**
 * k6's arrival rate for `rate` starts per second: k6 takes whole iterations per timeUnit and spaces them
 * evenly (timeUnit / rate apart), so a whole rate is that many per second and 5.67 is 567 per 100 s (one
 * every 176 ms). Before, a rate with decimals was rounded to a whole one: at a capacity of 6 flows/s a
 * search could only try 5 or 6, and 5 is 17% short.
 */
export function arrivalRateOf(rate: number): { rate: number; timeUnit: string } {
  const r = k6Rate(rate);
  return Number.isInteger(r)
    ? { rate: r, timeUnit: '1s' }
    : { rate: Math.round(r * 10 ** RATE_DIGITS), timeUnit: `${10 ** RATE_DIGITS}s` };
}

export function scenarioFor(s: K6Settings): Scenario {
  // Requests in flight when the load ends get up to their deadline to finish; an iteration cut off after
  // that is counted (flows_started less flows_ended) and its unanswered request counts against LOAD-01.
  const stop = `${s.timeoutMs + 1000}ms`;
  const scenario = scenarioOf(s);
  return scenario.executor === 'ramping-vus'
    ? { ...scenario, gracefulStop: stop, gracefulRampDown: stop }
    : { ...scenario, gracefulStop: stop };
}

function scenarioOf(s: K6Settings): Scenario {
  const vus = s.vus;
  const arrival = { timeUnit: '1s', preAllocatedVUs: vus, maxVUs: maxVusFor(vus) };
  switch (s.profile) {
    case 'load':
    case 'soak':
      return { executor: 'constant-arrival-rate', duration: s.duration, ...arrival, ...arrivalRateOf(s.rate) };
    case 'stress': {
      // Ramped in whole iterations per second.
      const whole = Math.max(1, Math.round(s.rate));
      return {
        executor: 'ramping-arrival-rate',
        startRate: 1,
        ...arrival,
        maxVUs: arrival.maxVUs * 2,
        // The ramps up and down scale with the duration: a quarter of it each (at least a second).
        stages: [
          { target: whole, duration: rampOf(s.duration) },
          { target: whole * 2, duration: s.duration },
          { target: whole * 4, duration: s.duration },
          { target: 0, duration: rampOf(s.duration) },
        ],
      };
    }
    case 'throughput':
      return { executor: 'constant-vus', vus, duration: s.duration };
    case 'spike':
      return {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [
          { target: vus, duration: '10s' },
          { target: vus * 10, duration: '10s' },
          { target: vus * 10, duration: '30s' },
          { target: vus, duration: '10s' },
          { target: 0, duration: '10s' },
        ],
      };
    default:
      return { executor: 'per-vu-iterations', vus, iterations: s.iterations, maxDuration: '2m' };
  }
}

/** k6 duration text ('90s', '1m30s', '2h', '500ms') in seconds; NaN when it is not one. */
export function durationSeconds(text: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  // A plain exec loop (not matchAll): k6's JavaScript runtime is not ES2020.
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let [seconds, matched] = [0, ''];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    seconds += Number(m[1]) * units[m[2]!]!;
    matched += m[0];
  }
  return matched !== '' && matched === text ? seconds : NaN;
}

/** A quarter of the duration, at least a second; 30 s when the duration cannot be read. */
export function rampOf(duration: string): string {
  const seconds = durationSeconds(duration);
  return Number.isFinite(seconds) ? `${Math.max(1, Math.round(seconds / 4))}s` : '30s';
}
