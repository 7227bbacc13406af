// Summaries built by hand for the renderers' unit tests (report.html, the console). They go through the
// real buildSummary, so the verdict and counts are the product's; the browser test uses real runs instead.
import { buildSummary, type Summary } from '../verdict/summary.ts';
import type { RequirementResult, Status } from '../verdict/types.ts';

export function requirement(id: string, status: Status, evidence: string[] = [`${id} evidence`]): RequirementResult {
  return {
    id,
    title: `${id} title`,
    level: status === 'warn' ? 'SHOULD' : 'MUST',
    status,
    source: 'docs',
    evidence,
    layer: id.startsWith('LOAD') ? 'load' : 'conformance',
  };
}

export function summaryOf(requirements: RequirementResult[], extra: Partial<Summary> = {}): Summary {
  const built = buildSummary({
    target: 'http://127.0.0.1:8080',
    embedded: false,
    startedAt: new Date(0).toISOString(),
    durationMs: 1234,
    interrupted: false,
    layers: ['conformance', 'load'],
    requirements,
    load: null,
  });
  return { ...built, ...extra };
}
