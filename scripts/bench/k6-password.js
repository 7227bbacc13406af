// The FALLBACK of `npm run bench` (scripts/bench/k6.ts) for a k6 that cannot load the suite's own bundle
// (load/k6/scripts/password.load.ts): the same password grant, checked only for status 200 (fewer checks than the
// engine's, so its row says it is not like for like). Its summary goes to BENCH_SUMMARY_FILE, where the
// bench reads how many checks were made and passed.
import http from 'k6/http';
import { check } from 'k6';

const body =
  'grantType=password&clientId=' +
  encodeURIComponent(__ENV.TOKEN_SUITE_CLIENT_ID || '57f986e1-4588-4512-90ea-d264904df7b2') +
  '&username=' +
  encodeURIComponent(__ENV.TOKEN_SUITE_USERNAME || 'crm@fidilio.com') +
  '&password=' +
  encodeURIComponent(__ENV.TOKEN_SUITE_PASSWORD || '12312312');
const params = { headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } };

export default function () {
  const response = http.post(`${__ENV.BASE_URL}/v1/token`, body, params);
  check(response, { 'status 200': (r) => r.status === 200 });
}

export function handleSummary(data) {
  return { [__ENV.BENCH_SUMMARY_FILE || 'k6-password-summary.json']: JSON.stringify(data) };
}
