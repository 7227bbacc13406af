// What every run must leave behind, whatever the target did: three reports, summary.json valid against its
// schema, junit.xml well-formed XML, report.html a whole page; and no secret in any of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { validateSummary } from '../schemas/validators.ts';

export function assertReportsWritten(dir: string): void {
  const summary: unknown = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  const valid = validateSummary(summary);
  assert.ok(valid.ok, valid.ok ? '' : valid.message);
  const junit = XMLValidator.validate(readFileSync(join(dir, 'junit.xml'), 'utf8'));
  assert.equal(junit, true, JSON.stringify(junit));
  assert.match(readFileSync(join(dir, 'report.html'), 'utf8'), /^<!doctype html>[\s\S]*<\/html>\s*$/i);
}

/** None of `secrets` appears in the three reports or in the console output. */
export function assertNoSecret(dir: string, output: string, secrets: Iterable<string>): void {
  const texts = ['summary.json', 'junit.xml', 'report.html'].map((f) => readFileSync(join(dir, f), 'utf8'));
  for (const secret of secrets) {
    for (const [where, text] of [['console', output], ...texts.map((t, i) => [`report ${i}`, t])] as const) {
      assert.ok(!text.includes(secret), `${where} contains a secret (${secret.slice(0, 6)}…)`);
    }
  }
}
