// The last line of defence: no secret leaves the suite in a report or on the console.
import { redactTokensIn } from '../schemas/token-format.ts';
import type { Summary } from './summary.ts';

/** The password becomes '***' everywhere; token-like runs in the evidence become their short form. */
export function redactSummary(summary: Summary, password: string): Summary {
  const hidden = JSON.parse(redactPassword(JSON.stringify(summary), password)) as Summary;
  for (const requirement of hidden.requirements) requirement.evidence = requirement.evidence.map(redactTokensIn);
  return hidden;
}

/** The ways a password shows up in a text: as typed, escaped inside JSON, percent-encoded, form-encoded. */
export function passwordForms(password: string): string[] {
  const formEncoded = new URLSearchParams({ p: password }).toString().slice(2);
  return [...new Set([password, JSON.stringify(password).slice(1, -1), encodeURIComponent(password), formEncoded])];
}

export function redactPassword(text: string, password: string): string {
  if (password.length < 4) return text;
  return passwordForms(password).reduce((out, form) => out.split(form).join('***'), text);
}
