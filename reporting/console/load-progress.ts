// The live load line. On a terminal one line redrawn in place (\r, then erase to the end of the line);
// in a log (no TTY: CI) a plain line every few seconds and one at the end; nothing when quiet. Pure: it
// returns the text to write, the caller writes it (to stderr, so stdout stays the report).
import type { LoadProgress } from '../../verdict/types.ts';

export interface LoadProgressOptions {
  tty: boolean;
  quiet: boolean;
  /** Without a TTY: seconds between two lines (default 5). */
  everySeconds?: number;
}
export interface LoadProgressView {
  /** Text to write for these figures ('' for nothing). */
  update(figures: LoadProgress): string;
  /** Text to write when the load ends: ends the live line, or prints the last figures once. */
  finish(): string;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

export function renderLoadProgress(p: LoadProgress): string {
  const elapsed = Math.min(p.elapsedSeconds, p.totalSeconds);
  return [
    `load ${Math.floor(elapsed)}/${p.totalSeconds} s`,
    `${count(p.rps)} req/s`,
    `${count(p.requests)} requests`,
    `${count(p.errors)} ${p.errors === 1 ? 'error' : 'errors'}`,
    `${count(p.violations)} rotation ${p.violations === 1 ? 'violation' : 'violations'}`,
  ].join(' · ');
}

export function createLoadProgressView({ tty, quiet, everySeconds = 5 }: LoadProgressOptions): LoadProgressView {
  let last: LoadProgress | undefined;
  let printedAt = -Infinity;
  let printedLast = false;
  return {
    update(figures) {
      last = figures;
      if (quiet) return '';
      if (tty) return `\r${renderLoadProgress(figures)}\x1b[K`;
      printedLast = figures.elapsedSeconds - printedAt >= everySeconds;
      if (!printedLast) return '';
      printedAt = figures.elapsedSeconds;
      return `${renderLoadProgress(figures)}\n`;
    },
    /** Idempotent: the caller may call it before every other line, so no progress follows a result. */
    finish() {
      const figures = last;
      last = undefined;
      if (quiet || !figures) return '';
      if (tty) return '\n';
      return printedLast ? '' : `${renderLoadProgress(figures)}\n`;
    },
  };
}
