// Writes summary.json, junit.xml, report.html and summary.md. Each file is written whole, then renamed into place.
// A run starts by removing the suite's own previous report files, so CI never reads a stale verdict.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Summary } from '../verdict/summary.ts';
import { renderHtml } from './html/page.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';

export const REPORT_FILES = ['summary.json', 'junit.xml', 'report.html', 'summary.md'] as const;
/** Folders of files the suite writes beside the reports (the k6 engine's summary and samples). */
const REPORT_SUBDIRS = ['k6'] as const;

/**
 * Creates the directory, checks it can be written, and removes the suite's own files from a previous run
 * (only those: anything else in the directory stays). Throws when the directory cannot be written.
 */
export async function prepareReportDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const probe = join(dir, `.token-suite-write-test-${process.pid}`);
  await writeFile(probe, '');
  await rm(probe);
  for (const name of REPORT_FILES) await rm(join(dir, name), { force: true });
  for (const name of REPORT_SUBDIRS) await rm(join(dir, name), { recursive: true, force: true });
}

export async function writeReports(dir: string, summary: Summary): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'junit.xml': renderJunit(summary),
    'report.html': renderHtml(summary),
    'summary.md': renderMarkdown(summary),
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
