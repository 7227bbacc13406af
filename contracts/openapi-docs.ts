// The documented examples of docs/token-api.md, read from the file itself (so the OpenAPI document carries
// them verbatim): each endpoint's example request (method, URL, form body) and example response.
import { readFileSync } from 'node:fs';

export interface DocumentedExample {
  method: string;
  url: URL;
  /** The form body exactly as the curl example sends it. */
  rawBody: string;
  /** The body's fields; a pair with an empty name (the refresh example's trailing '&=') is dropped. */
  fields: Record<string, string>;
  response: Record<string, unknown>;
}

const DOCS_FILE = new URL('../docs/token-api.md', import.meta.url);

const fail = (what: string): never => {
  throw new Error(`docs/token-api.md: ${what}; the OpenAPI generator needs it`);
};

function example(section: string): DocumentedExample {
  const curl = /```curl\s*\n(curl[\s\S]*?)```/.exec(section)?.[1] ?? fail('no curl example request');
  const method = /-X\s+([A-Z]+)/.exec(curl)?.[1] ?? fail('a curl example without -X METHOD');
  const url = /\b(https?:\/\/\S+)/.exec(curl)?.[1] ?? fail('a curl example without a URL');
  const rawBody = /-d\s+'([^']*)'/.exec(curl)?.[1] ?? fail("a curl example without -d '...'");
  const json = /```json\s*\n([\s\S]*?)```/.exec(section)?.[1] ?? fail('no JSON example response');
  const fields = Object.fromEntries([...new URLSearchParams(rawBody)].filter(([name]) => name !== ''));
  return { method, url: new URL(url), rawBody, fields, response: JSON.parse(json) as Record<string, unknown> };
}

/** The two sections' examples, by heading. */
export function readDocumentedExamples(file: URL = DOCS_FILE): {
  token: DocumentedExample;
  refresh: DocumentedExample;
} {
  const markdown = readFileSync(file, 'utf8');
  const section = (heading: string) =>
    new RegExp(`## ${heading}[\\s\\S]*?(?=\\n## |$)`).exec(markdown)?.[0] ?? fail(`no "## ${heading}" section`);
  return { token: example(section('Get token')), refresh: example(section('Refresh token')) };
}
