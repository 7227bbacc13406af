// Where the engine's sockets go: host, port, path prefix and, for https://, the TLS settings. One secure
// context per worker (parsing the CA bundle once), SNI from the host name (never for an IP literal).
import { readFileSync } from 'node:fs';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

export interface SocketTls {
  /** PEM of a CA to trust in addition to the default roots (and NODE_EXTRA_CA_CERTS). */
  ca?: string | Buffer;
  /** False: do not verify the server's certificate (--insecure). Default true. */
  rejectUnauthorized?: boolean;
  /** Client certificate and key (PEM) for targets that require mutual TLS. */
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface SocketTarget {
  host: string;
  port: number;
  /** The Host header: host, with the port when it is not the scheme's default. */
  authority: string;
  /** The base URL's path without a trailing slash ('' for an origin); request paths are appended. */
  basePath: string;
  tls: { context: SecureContext; servername: string | undefined; rejectUnauthorized: boolean } | null;
}

export function socketTargetOf(baseUrl: string, tls: SocketTls = {}): SocketTarget {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`the load engine speaks http:// and https:// only (got ${url.protocol})`);
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: Number(url.port) || (secure ? 443 : 80),
    authority: url.host,
    basePath: url.pathname.replace(/\/+$/, ''),
    tls: secure
      ? {
          context: secureContext(tls),
          servername: isIP(host) ? undefined : host,
          rejectUnauthorized: tls.rejectUnauthorized !== false,
        }
      : null,
  };
}

function secureContext(tls: SocketTls): SecureContext {
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  // An explicit `ca` replaces Node's default list, so the roots (and NODE_EXTRA_CA_CERTS) are added back.
  const ca = tls.ca === undefined ? undefined : [...rootCertificates, ...(extra ? [readFileSync(extra)] : []), tls.ca];
  return createSecureContext({
    ...(ca ? { ca } : {}),
    ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
    ...(tls.key !== undefined ? { key: tls.key } : {}),
  });
}

/** One read buffer per thread: `onread` hands each read over in it (no allocation, no stream machinery). */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A new keep-alive socket to the target; writes made before it connects are queued by Node. Reads go to
 * `onRead`: over TCP in the shared read buffer (only valid during the call, documented `onread`); over
 * TLS, whose options do not document `onread`, as ordinary 'data' chunks.
 */
export function openSocket(target: SocketTarget, onRead: (bytes: Buffer) => void): Socket {
  const onread = {
    buffer: readBuffer,
    callback: (length: number, buffer: Uint8Array) => {
      onRead((buffer as Buffer).subarray(0, length));
      return true;
    },
  };
  const socket = target.tls
    ? tlsConnect({
        host: target.host,
        port: target.port,
        secureContext: target.tls.context,
        servername: target.tls.servername,
        rejectUnauthorized: target.tls.rejectUnauthorized,
        ALPNProtocols: ['http/1.1'],
      })
    : netConnect({ host: target.host, port: target.port, onread });
  if (target.tls) socket.on('data', onRead);
  socket.setNoDelay(true);
  socket.setKeepAlive(true, 30_000);
  return socket;
}
