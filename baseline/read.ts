// Reads a summary.json to compare: any file that cannot be used is exit 2 with one sentence naming it
// (missing, unreadable, truncated, not a summary, written by a newer token-suite, or a run that could not run).
import { readFileSync } from 'node:fs';
import { validateSummary } from '../schemas/validators.ts';
import { CannotRunError } from '../verdict/errors.ts';
import { SUMMARY_SCHEMA_VERSION } from '../verdict/machine.ts';
import type { Summary } from '../verdict/summary.ts';

/** A summary file that cannot be compared: exit 2, the file named. */
export class SummaryFileError extends CannotRunError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SummaryFileError';
  }
}

export function readSummaryFile(file: string): Summary {
  const text = readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const empty = text.trim() === '';
    throw new SummaryFileError(
      file,
      empty
        ? 'is empty; point at the summary.json of a finished run.'
        : `is not complete JSON (${(error as Error).message}): truncated or not a summary.json; rerun that run.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new SummaryFileError(file, 'is JSON but not a token-suite summary.json (not an object).');
  checkVersion(file, data as Record<string, unknown>);
  const valid = validateSummary(data);
  if (!valid.ok)
    throw new SummaryFileError(file, `is not a token-suite summary.json (${valid.message.slice(0, 300)}).`);
  const summary = data as Summary;
  if (summary.verdict === 'error')
    throw new SummaryFileError(file, `is the summary of a run that could not run (${summary.error ?? 'error'}).`);
  return summary;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SummaryFileError(file, 'no such file; check the path (a summary.json).');
    if (code === 'EISDIR') throw new SummaryFileError(file, 'is a directory; name its summary.json.');
    throw new SummaryFileError(file, `cannot be read (${code ?? (error as Error).message}).`);
  }
}

function checkVersion(file: string, data: Record<string, unknown>): void {
  const version = data.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new SummaryFileError(file, `has a schemaVersion that is not a whole number (${JSON.stringify(version)}).`);
  if (version > SUMMARY_SCHEMA_VERSION) {
    const tool = (data.tool as { version?: unknown } | undefined)?.version;
    throw new SummaryFileError(
      file,
      `was written by a newer token-suite${typeof tool === 'string' ? ` (${tool})` : ''} in summary format ` +
        `${version}; this one reads up to ${SUMMARY_SCHEMA_VERSION}: upgrade token-suite to compare it.`,
    );
  }
}
