// Report helpers for tests: a fresh report directory, and its summary.json parsed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../verdict/summary.ts';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'token-suite-'));

/** summary.json as the product wrote it (the product checks it against its schema before writing). */
export const readSummary = (dir: string): Summary =>
  JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
