// A worker's JIT warm-up before the clock starts: the per-answer path (parse, schema check, digest,
// record) run on synthetic answers into throwaway books, so the first second of the run is not spent
// interpreting cold code. Nothing here touches the run's own books or the target.
import { checkPair, type TokenFormat } from '../flows/checks.ts';
import { refreshRequest } from '../flows/requests.ts';
import { newToken } from '../../servers/reference/tokens.ts';
import { ResponseParser } from './http/response-parser.ts';
import type { RequestWriter } from './http/request-writer.ts';
import { Recorder } from '../measure/recorder.ts';
import { createSharedDigestSet, SharedDigestSet } from './shared-digest-set.ts';

export function warmUp(format: TokenFormat, writer: RequestWriter, answers = 3000): void {
  const samples = Array.from({ length: 16 }, () => {
    const body = JSON.stringify({ token: newToken(), refreshToken: newToken(), expiresIn: 3600 });
    return Buffer.from(
      `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
  });
  const parser = new ResponseParser();
  const tokens = new SharedDigestSet(createSharedDigestSet(answers * 2));
  const recorder = new Recorder();
  for (let i = 0; i < answers; i += 1) {
    parser.feed(samples[i % samples.length] as Buffer, (response) => {
      const check = checkPair(response, format);
      if (check.ok) {
        tokens.add(check.pair.token + i);
        tokens.add(check.pair.refreshToken + i);
        writer.bytes(refreshRequest(check.pair.refreshToken));
      }
      recorder.record('refresh', 1 + (i % 50), check.ok);
    });
  }
}
