// Report helpers for tests: a fresh report directory, and its summary.json parsed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'token-suite-'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the report holds
export const readSummary = (dir: string): any => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
