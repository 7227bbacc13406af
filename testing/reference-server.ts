// Test helpers: a reference server on a free loopback port, and a raw form POST.
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import { close, createTokenServer, listen, type ServerOptions, type TokenServer } from '../servers/reference/index.ts';

export interface Running {
  url: string;
  server: TokenServer;
  stop: () => Promise<void>;
}

/** Tests use a cheap scrypt cost; the hashing path is the same. */
export async function startServer(options: ServerOptions = {}): Promise<Running> {
  const server = createTokenServer({ scryptCost: 1024, ...options });
  const url = await listen(server);
  return { url, server, stop: () => close(server) };
}

/** The documented login body: grantType=password&clientId=57f9…&username=crm%40fidilio.com&password=12312312. */
export const DOC_LOGIN = new URLSearchParams({ grantType: 'password', ...DOCUMENTED_CREDENTIALS }).toString();
export const FORM = 'application/x-www-form-urlencoded';

export async function post(url: string, body: string, contentType = FORM, extra: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...extra }, body });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* non-JSON bodies are asserted on through `text` */
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function login(url: string): Promise<{ token: string; refreshToken: string }> {
  const { status, json } = await post(`${url}/v1/token`, DOC_LOGIN);
  if (status !== 200) throw new Error(`login failed with ${status}`);
  return json as { token: string; refreshToken: string };
}

export const refreshBody = (refreshToken: string) => `refreshToken=${encodeURIComponent(refreshToken)}&=`;
