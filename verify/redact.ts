// The last line of defence: no secret leaves the suite in a report or on the console.
import { redactToken } from '../schemas/token-format.ts';

export interface Secrets { password: string; tokens: Iterable<string> }

/** Replaces the password with '***' and every known token with its short form, in any JSON value. */
export function redact<T>(value: T, secrets: Secrets): T {
  const text = redactText(JSON.stringify(value), secrets);
  return JSON.parse(text) as T;
}

export function redactText(text: string, { password, tokens }: Secrets): string {
  let out = text;
  for (const token of tokens) if (token.length >= 16 && out.includes(token)) out = out.split(token).join(redactToken(token));
  if (password.length >= 4) {
    for (const form of new Set([password, JSON.stringify(password).slice(1, -1), encodeURIComponent(password)])) out = out.split(form).join('***');
  }
  return out;
}
