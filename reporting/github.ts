// GitHub Actions, spoken natively, and only there: summary.md appended to the job summary when
// $GITHUB_STEP_SUMMARY is set (within GitHub's 1 MiB per step, else cut with a pointer to the artifact), and
// `::error` / `::warning` workflow commands when GITHUB_ACTIONS=true: failing MUSTs as errors, then failing
// SHOULDs and MUSTs without evidence as warnings, at most MAX_ANNOTATIONS. Every line comes from the redacted
// summary; the caller redacts them once more.
import { appendFileSync, statSync } from 'node:fs';
import type { Summary } from '../verdict/summary.ts';
import type { RequirementResult } from '../verdict/types.ts';
import { keyEvidence } from './key-evidence.ts';

/** GitHub's limit on one step's job summary. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
export const MAX_ANNOTATIONS = 10;

export type Env = Record<string, string | undefined>;

/** The markdown cut to fit `limit` bytes, on a line boundary, with a pointer to the full file. */
export function fitStepSummary(markdown: string, limit: number): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const pointer =
    '\n\n**Truncated** (GitHub keeps 1 MiB per step): the whole summary is `summary.md` in the reports artifact.\n';
  const room = Math.max(0, limit - Buffer.byteLength(pointer));
  let cut = Buffer.from(markdown)
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return `${cut}${pointer}`;
}

/** Appends to $GITHUB_STEP_SUMMARY when set, minding what the step already wrote there. Returns true if it did. */
export function appendStepSummary(markdown: string, env: Env = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  let used = 0;
  try {
    used = statSync(file).size;
  } catch {
    used = 0;
  }
  appendFileSync(file, fitStepSummary(markdown, STEP_SUMMARY_LIMIT - used));
  return true;
}

/** Workflow command data: %, CR and LF escaped; properties also : and , (actions/toolkit's escaping). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(kind: 'error' | 'warning', r: RequirementResult): string {
  const evidence = keyEvidence(r.evidence, 1, 300)[0];
  const what = r.status === 'inconclusive' ? 'inconclusive' : r.level === 'MUST' ? 'failed' : 'not met';
  const title = escapeProperty(`${r.id} ${what} (${r.level})`);
  return `::${kind} title=${title}::${escapeData(`${r.title}${evidence ? `: ${evidence}` : ''}`)}`;
}

/** The one annotation of a run that could not run (exit 2). */
export function githubError(sentence: string, env: Env = process.env): string[] {
  return env.GITHUB_ACTIONS === 'true' ? [`::error title=token-suite could not run::${escapeData(sentence)}`] : [];
}

/** The workflow commands for this run, most important first; none outside GitHub Actions. */
export function annotations(summary: Summary, env: Env = process.env): string[] {
  return [
    ...(summary.error !== undefined ? githubError(summary.error, env) : []),
    ...requirementAnnotations(summary.requirements, env),
  ].slice(0, MAX_ANNOTATIONS);
}

/** Failing MUSTs as errors, then failing SHOULDs and MUSTs without evidence as warnings; at most MAX_ANNOTATIONS. */
export function requirementAnnotations(requirements: readonly RequirementResult[], env: Env = process.env): string[] {
  if (env.GITHUB_ACTIONS !== 'true') return [];
  const of = (status: string, level: string) => requirements.filter((r) => r.status === status && r.level === level);
  return [
    ...of('fail', 'MUST').map((r) => annotation('error', r)),
    ...of('warn', 'SHOULD').map((r) => annotation('warning', r)),
    ...of('inconclusive', 'MUST').map((r) => annotation('warning', r)),
  ].slice(0, MAX_ANNOTATIONS);
}
