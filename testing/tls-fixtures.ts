// The one private CA of the TLS tests, made with Debian's openssl: a server certificate for localhost and
// 127.0.0.1 signed by the CA, a client certificate for mutual TLS, and an unrelated CA that trusts nothing
// of ours (the "wrong CA"); as files (for the CLI's flags) and PEM strings (for in-process servers).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsFixtures {
  dir: string;
  caFile: string;
  wrongCaFile: string;
  serverCert: string;
  serverKey: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** PEM contents, for in-process servers and clients. */
  pem: { ca: string; wrongCa: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string };
}

const openssl = (dir: string, ...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

const P256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A new P-256 key and a request (or, with -x509, a self-signed certificate) for `name`. */
const newKey = (dir: string, name: string, out: string, ...extra: string[]) =>
  openssl(
    dir,
    'req',
    ...extra,
    ...P256,
    '-keyout',
    `${name}.key`,
    '-out',
    out,
    '-subj',
    `/CN=token-suite test ${name}`,
  );

const newCa = (dir: string, name: string) => newKey(dir, name, `${name}.pem`, '-x509', '-days', '2');

function signed(dir: string, name: string, ca: string, extensions: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  newKey(dir, name, `${name}.csr`);
  const signing = ['-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2'];
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, ...signing, '-out', `${name}.pem`, '-extfile', `${name}.ext`);
}

export function makeTlsFixtures(): TlsFixtures {
  const dir = mkdtempSync(join(tmpdir(), 'token-suite-tls-'));
  newCa(dir, 'ca');
  newCa(dir, 'wrong-ca');
  signed(dir, 'server', 'ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  signed(dir, 'client', 'ca', 'extendedKeyUsage=clientAuth\n');
  const file = (name: string) => join(dir, name);
  return {
    dir,
    caFile: file('ca.pem'),
    wrongCaFile: file('wrong-ca.pem'),
    serverCert: file('server.pem'),
    serverKey: file('server.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    pem: {
      ca: readFileSync(file('ca.pem'), 'utf8'),
      wrongCa: readFileSync(file('wrong-ca.pem'), 'utf8'),
      serverCert: readFileSync(file('server.pem'), 'utf8'),
      serverKey: readFileSync(file('server.key'), 'utf8'),
      clientCert: readFileSync(file('client.pem'), 'utf8'),
      clientKey: readFileSync(file('client.key'), 'utf8'),
    },
  };
}
