// A conformance check: one requirement, how to test it, the least evidence it needs, and what was seen.
import { describeExchange } from './evidence.ts';
import type { Exchange } from './exchange.ts';
import type { Probe } from './probe.ts';
import type { Level } from '../verdict/types.ts';

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
  /** The least evidence a verdict on this requirement needs, and why (docs/requirements.md's catalog shows it). */
  minimum: string;
  /** Sends what it needs and writes what it saw into `e`; the layer turns `e` into the finding. */
  run(probe: Probe, e: Evidence): Promise<void> | void;
}

/** Collects what a check saw: fails when an expectation failed, is inconclusive when evidence was missing. */
export class Evidence {
  private readonly lines: string[] = [];
  private failed = false;
  private missing = false;

  note(line: string): this {
    this.lines.push(line);
    return this;
  }

  expect(ok: boolean, line: string): boolean {
    this.lines.push(`${ok ? 'ok' : 'FAILED'}: ${line}`);
    if (!ok) this.failed = true;
    return ok;
  }

  /** Evidence the check needed and did not get: the outcome is inconclusive unless something failed. */
  lacking(line: string): this {
    this.lines.push(`MISSING: ${line}`);
    this.missing = true;
    return this;
  }

  /** A rejection: some 4xx and no token in the body. */
  rejected(ex: Exchange, what: string): boolean {
    const ok = ex.status >= 400 && ex.status < 500 && !ex.issued;
    return this.expect(ok, `${what}: ${describeExchange(ex)}${ex.issued ? ' WITH A TOKEN' : ''}`);
  }

  done(): Finding {
    return { outcome: this.failed ? 'fail' : this.missing ? 'inconclusive' : 'pass', evidence: this.lines };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
