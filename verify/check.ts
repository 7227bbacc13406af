// A conformance check: one requirement, how to test it, and what was seen.
import type { Exchange, Probe } from './probe.ts';
import type { Level } from './types.ts';

export interface Finding {
  /** 'inconclusive' when the check could not gather the evidence it needs (it says what was missing). */
  outcome: 'pass' | 'fail' | 'inconclusive';
  evidence: string[];
}

export interface Check {
  id: string;
  title: string;
  level: Level;
  source: string;
  run(probe: Probe): Promise<Finding>;
}

/** Collects what a check saw; fails when any expectation failed. */
export class Evidence {
  private readonly lines: string[] = [];
  private failed = false;

  note(line: string): this {
    this.lines.push(line);
    return this;
  }

  expect(ok: boolean, line: string): boolean {
    this.lines.push(`${ok ? 'ok' : 'FAILED'}: ${line}`);
    if (!ok) this.failed = true;
    return ok;
  }

  /** A rejection: some 4xx and no token in the body. */
  rejected(ex: Exchange, what: string): boolean {
    return this.expect(
      ex.status >= 400 && ex.status < 500 && !ex.issued,
      `${what} → ${summary(ex)}${ex.issued ? ' with a token' : ''}`,
    );
  }

  done(): Finding {
    return { outcome: this.failed ? 'fail' : 'pass', evidence: this.lines };
  }
}

/** "400 invalid_grant" or "500 (text/html, 1234 bytes)". */
export function summary(ex: Exchange): string {
  const code = (ex.json as { error?: unknown } | undefined)?.error;
  if (typeof code === 'string') return `${ex.status} ${code.slice(0, 40)}`;
  return `${ex.status} (${ex.headers.get('content-type') ?? 'no content-type'}, ${ex.text.length} bytes)`;
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
