// Why a request got no HTTP answer, as a typed value: the suite tells a configuration mistake (nothing
// listening, TLS trouble) from a server that stopped answering by `kind`.
import { systemCode } from './errors.ts';

export type TransportFailure = 'timeout' | 'refused' | 'dns' | 'reset' | 'tls' | 'aborted' | 'other';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailure,
    readonly request: { method: string; url: string },
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${request.method} ${request.url}: ${detail}`);
    this.name = 'TransportError';
  }
}

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_OSSL|HOSTNAME_MISMATCH)/;

export function transportError(error: unknown, request: { method: string; url: string }): TransportError {
  const code = systemCode(error) ?? (error as Error).name ?? 'ERROR';
  const message = (error as Error).message ?? String(error);
  if (code === 'ECONNREFUSED') return new TransportError('refused', request, code, 'connection refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new TransportError('dns', request, code, 'host not found');
  if (TLS_CODES.test(code) || /certificate|SSL|TLS/i.test(message)) {
    return new TransportError('tls', request, code, message);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/.test(message)) {
    return new TransportError('reset', request, code, 'the connection was closed without an answer');
  }
  return new TransportError('other', request, code, message);
}
