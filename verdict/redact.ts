// The last line of defence: no secret leaves the suite in a report or on the console. Redaction works on
// values (each evidence line, note, error sentence, console line), never on serialised text, so no password
// can break a report's syntax: the exact password in every form it travels in (any length), every token the
// run saw, and, for tokens it did not see, any long token-like run (schemas/token-format.ts).
import { redactToken, redactTokensIn } from '../schemas/token-format.ts';
import type { Summary } from './summary.ts';

/** The ways a password shows up in a text: as typed, escaped inside JSON, percent-encoded, form-encoded. */
export function passwordForms(password: string): string[] {
  if (password === '') return [];
  const formEncoded = new URLSearchParams({ p: password }).toString().slice(2);
  const strict = encodeURIComponent(password).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const forms = [password, JSON.stringify(password).slice(1, -1), encodeURIComponent(password), formEncoded, strict];
  return [...new Set([...forms, ...forms.map((f) => f.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()))])];
}

export class Redactor {
  private readonly tokens = new Set<string>();
  private readonly passwordForms: string[];

  constructor(password: string) {
    // Longest first: a form that contains another is replaced whole.
    this.passwordForms = passwordForms(password).sort((a, b) => b.length - a.length);
  }

  /** A token the run saw: from now on it is cut wherever it appears. */
  addToken(token: string): void {
    if (token.length >= 8) this.tokens.add(token);
  }

  text(text: string): string {
    let out = text;
    for (const form of this.passwordForms) out = out.split(form).join('***');
    for (const token of this.tokens) if (out.includes(token)) out = out.split(token).join(redactToken(token));
    return redactTokensIn(out);
  }

  /** The summary with every free-text value redacted; its structure (ids, statuses, numbers) untouched. */
  summary(summary: Summary): Summary {
    return {
      ...summary,
      target: stripUserinfo(summary.target),
      requirements: summary.requirements.map((r) => ({ ...r, evidence: r.evidence.map((line) => this.text(line)) })),
      notes: summary.notes.map((line) => this.text(line)),
      ...(summary.error !== undefined ? { error: this.text(summary.error) } : {}),
      load: summary.load === null ? null : (this.values(summary.load) as Record<string, unknown>),
      ...(summary.baseline ? { baseline: this.values(summary.baseline) as Record<string, unknown> } : {}),
    };
  }

  private values(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.values(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.values(v)]));
    }
    return value;
  }
}

/** https://user:secret@host → https://host */
function stripUserinfo(url: string): string {
  return url.replace(/^(https?:\/\/)[^@/]*@/i, '$1');
}
