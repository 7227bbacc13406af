// Reading and decoding application/x-www-form-urlencoded bodies, strictly.
import type { IncomingMessage } from 'node:http';
import { malformed, missingField, tooLarge, wrongMediaType } from './problem.ts';

export function readForm(req: IncomingMessage, limit: number): Promise<Map<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return Promise.reject(wrongMediaType());
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  const body = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('error', () => reject(malformed('The body could not be read.')));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
  return body.then(decodeForm);
}

/** Pairs without a name (the documented trailing '&=') are ignored; repeated names and bad escapes are errors. */
function decodeForm(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const pair of text.split('&')) {
    const at = pair.indexOf('=');
    const name = unescape(at < 0 ? pair : pair.slice(0, at));
    if (name === '') continue;
    if (fields.has(name)) throw malformed('A field appears more than once.');
    fields.set(name, at < 0 ? '' : unescape(pair.slice(at + 1)));
  }
  return fields;
}

function unescape(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw malformed('The body has malformed percent-encoding.');
  }
}

export function field(fields: Map<string, string>, name: string): string {
  const value = fields.get(name);
  if (!value) throw missingField(name);
  return value;
}
