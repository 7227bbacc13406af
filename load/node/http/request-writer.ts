// A RequestSpec as the bytes of one HTTP/1.1 request, written with one socket write. Header blocks are
// built once per path; a spec the flows hand out again (the password grant of a user) is built once.
import { FORM_HEADERS, type RequestSpec } from '../../flows/requests.ts';
import type { SocketTarget } from './target.ts';

export class RequestWriter {
  private readonly heads = new Map<string, string>();
  private readonly built = new WeakMap<RequestSpec, Buffer>();

  constructor(private readonly target: SocketTarget) {}

  bytes(spec: RequestSpec): Buffer | string {
    if (spec.endpoint === 'token') {
      const cached = this.built.get(spec);
      if (cached) return cached;
      const bytes = Buffer.from(this.text(spec));
      this.built.set(spec, bytes);
      return bytes;
    }
    return this.text(spec);
  }

  private text(spec: RequestSpec): string {
    let head = this.heads.get(spec.path);
    if (head === undefined) {
      head =
        `${spec.method} ${this.target.basePath}${spec.path} HTTP/1.1\r\nHost: ${this.target.authority}\r\n` +
        `Content-Type: ${FORM_HEADERS['content-type']}\r\nAccept: ${FORM_HEADERS.accept}\r\nContent-Length: `;
      this.heads.set(spec.path, head);
    }
    return `${head}${Buffer.byteLength(spec.body)}\r\n\r\n${spec.body}`;
  }
}
