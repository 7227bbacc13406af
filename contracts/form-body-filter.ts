// pact-js 16.5's Verifier proxies requests through express: its urlencoded body parser turns a form
// body into an object, and the proxy then forwards JSON.stringify(object) under the form content
// type, so every form request reaches the provider as JSON. This filter (pact-js `requestFilter`,
// which runs after the parsers) re-encodes such a body as a form before it is forwarded.

/** The part of an express request the filter touches. */
interface ProxiedRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  is(type: string): string | false | null;
}

export function formBodyFilter(req: ProxiedRequest, _res: unknown, next: () => void): void {
  const body: unknown = req.body;
  if (req.is('application/x-www-form-urlencoded') && body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const encoded = Buffer.from(new URLSearchParams(body as Record<string, string>).toString());
    req.body = encoded;
    req.headers['content-length'] = String(encoded.length);
  }
  next();
}
