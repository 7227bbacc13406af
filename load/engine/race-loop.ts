// Races cannot be expressed as one autocannon connection's sequence (they need several requests in
// flight on one token), so race loops run beside autocannon over node:http keep-alive connections,
// recording into the same books.
import { Agent, request } from 'node:http';
import type { ResponseLike } from '../flows/checks.ts';
import type { Flow } from '../flows/flow.ts';
import { expectedStatuses, FORM_HEADERS, type RequestSpec } from '../flows/requests.ts';
import type { Recorder } from './recorder.ts';

export async function raceLoop(
  baseUrl: string,
  newFlow: () => Flow,
  recorder: Recorder,
  signal: AbortSignal,
  timeoutMs = 10_000,
): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  try {
    while (!signal.aborted) {
      const flow = newFlow();
      for (let batch = flow.next(); batch !== null && !signal.aborted; batch = flow.next()) {
        flow.onResponses(await Promise.all(batch.map((spec) => timed(baseUrl, spec, agent, recorder, timeoutMs))));
      }
    }
  } finally {
    agent.destroy();
  }
}

async function timed(
  baseUrl: string,
  spec: RequestSpec,
  agent: Agent,
  recorder: Recorder,
  timeoutMs: number,
): Promise<ResponseLike> {
  const started = performance.now();
  try {
    const answer = await post(baseUrl + spec.path, spec.body, agent, timeoutMs);
    recorder.record(spec.endpoint, performance.now() - started, expectedStatuses(spec.expect).includes(answer.status));
    return answer;
  } catch {
    recorder.record(spec.endpoint, null, false);
    return { status: 0, body: null };
  }
}

function post(url: string, body: string, agent: Agent, timeoutMs: number): Promise<ResponseLike> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: { ...FORM_HEADERS, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
