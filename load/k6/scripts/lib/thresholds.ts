// Thresholds: any failure fails the run. Rotation counters must stay at 0.
import type { Options } from 'k6/options';
import { VIOLATIONS, type Violation } from '../../../flows/rotation.ts';
import type { K6Settings } from './settings.ts';

export function metricName(violation: Violation): string {
  return `rotation_${violation}`;
}

export function thresholdsFor(s: K6Settings): NonNullable<Options['thresholds']> {
  const thresholds: NonNullable<Options['thresholds']> = {
    checks: [`rate>=${1 - s.maxErrorRate}`],
    // Expected 4xx answers (rejected replays, race losers) are declared per request, so they do not count.
    // Only the API's requests (tag traffic:api): the suite's collector requests are not the target's.
    'http_req_failed{traffic:api}': [`rate<=${s.maxErrorRate}`],
    'http_req_duration{endpoint:token}': [`p(95)<${s.p95TokenMs}`],
    'http_req_duration{endpoint:refresh}': [`p(95)<${s.p95RefreshMs}`],
  };
  for (const violation of VIOLATIONS) {
    // Reuse detection is a SHOULD: servers without it pass with -e EXPECT_REUSE_DETECTION=false.
    if (violation === 'family_survived_replay' && !s.expectReuseDetection) continue;
    thresholds[metricName(violation)] = ['count==0'];
  }
  return thresholds;
}
