// The TLS trust of a run, from --ca-file, --insecure and --cert/--key: read once, used by every request
// the suite sends (and handed to k6 and the contract verifier in their own forms).
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { AgentOptions } from 'node:https';

export interface TlsFlags {
  caFile?: string | undefined;
  insecure: boolean;
  certFile?: string | undefined;
  keyFile?: string | undefined;
}

export interface TlsTrust {
  /** The extra CA (PEM), added to the default roots, and the file it came from (for child processes). */
  caPem?: string;
  caFile?: string;
  insecure: boolean;
  certPem?: string;
  keyPem?: string;
  agentOptions: AgentOptions;
}

/** Thrown for a file that cannot be read or is not PEM; the message is one sentence. */
export class TlsFileError extends Error {}

function readPem(path: string, flag: string, kind: RegExp): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TlsFileError(`Cannot read ${flag} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (!kind.test(text)) throw new TlsFileError(`${flag} ${path} is not a PEM file (no "-----BEGIN" block found).`);
  return text;
}

export function tlsTrust(settings: TlsFlags): TlsTrust {
  if ((settings.certFile === undefined) !== (settings.keyFile === undefined)) {
    throw new TlsFileError('--cert and --key go together: give both files for a client certificate, or neither.');
  }
  const caPem = settings.caFile ? readPem(settings.caFile, '--ca-file', /-----BEGIN CERTIFICATE-----/) : undefined;
  const certPem = settings.certFile ? readPem(settings.certFile, '--cert', /-----BEGIN CERTIFICATE-----/) : undefined;
  const keyPem = settings.keyFile
    ? readPem(settings.keyFile, '--key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/)
    : undefined;
  const agentOptions: AgentOptions = {
    rejectUnauthorized: !settings.insecure,
    ...(caPem ? { ca: [...rootCertificates, caPem] } : {}),
    ...(certPem && keyPem ? { cert: certPem, key: keyPem } : {}),
  };
  return {
    ...(caPem ? { caPem, caFile: settings.caFile! } : {}),
    ...(certPem ? { certPem } : {}),
    ...(keyPem ? { keyPem } : {}),
    insecure: settings.insecure,
    agentOptions,
  };
}
