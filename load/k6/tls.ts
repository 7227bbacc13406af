// The run's TLS trust in k6's terms. k6 (Go) reads its roots from SSL_CERT_FILE, which replaces the system
// store: the file holds Node's root store plus the extra CA. --insecure is k6's insecureSkipTLSVerify; a
// client certificate is read by the script (open()) from files in a private folder removed after the run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import type { SocketTls } from '../node/http/target.ts';

export interface K6Tls {
  vars: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** Removes the private folder (client key included). */
  clear: () => void;
}

const NONE: K6Tls = { vars: {}, env: {}, clear: () => undefined };

export function k6Tls(tls: SocketTls): K6Tls {
  const insecure = tls.rejectUnauthorized === false;
  if (!tls.ca && !tls.cert && !insecure) return NONE;
  const dir = mkdtempSync(join(tmpdir(), 'token-suite-k6-tls-'));
  chmodSync(dir, 0o700);
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  const vars: Record<string, string> = insecure ? { TOKEN_SUITE_INSECURE: 'true' } : {};
  const env: NodeJS.ProcessEnv = {};
  if (tls.ca) env.SSL_CERT_FILE = write('roots.pem', [...rootCertificates, String(tls.ca)].join('\n'));
  if (tls.cert && tls.key) {
    vars.TOKEN_SUITE_TLS_CERT_FILE = write('client.pem', String(tls.cert));
    vars.TOKEN_SUITE_TLS_KEY_FILE = write('client.key', String(tls.key));
  }
  return { vars, env, clear: () => rmSync(dir, { recursive: true, force: true }) };
}
