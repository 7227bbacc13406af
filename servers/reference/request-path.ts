// The path of a request target. Node's HTTP parser passes on targets the URL parser rejects (`//[`,
// `//:99999/v1/token`, `http://[::1/v1/token`): those are the client's error (400), never a crash.
import type { IncomingMessage } from 'node:http';
import { invalidRequest } from './errors.ts';

export function requestPath(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    throw invalidRequest('the request target is not a valid URL');
  }
}
