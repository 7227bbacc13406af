// Writes summary.json, junit.xml and report.html. Each file is written whole, then renamed into place.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Summary } from '../summary.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';

export const REPORT_FILES = ['summary.json', 'junit.xml', 'report.html'] as const;

/** Throws when the directory cannot be created or written, before any test runs. */
export async function ensureWritable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const probe = join(dir, `.token-suite-write-test-${process.pid}`);
  await writeFile(probe, '');
  await rm(probe);
}

export async function writeReports(dir: string, summary: Summary, htmlFragments: string[] = []): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'junit.xml': renderJunit(summary),
    'report.html': renderHtml(summary, htmlFragments),
  };
  const written: string[] = [];
  for (const name of REPORT_FILES) {
    const path = join(dir, name);
    await writeFile(`${path}.tmp`, contents[name]);
    await rename(`${path}.tmp`, path);
    written.push(path);
  }
  return written;
}
