// The evidence lines a reader needs first: those that say what went wrong (FAILED ..., FAIL ...) or what
// was missing (MISSING ..., INCONCLUSIVE ...), then the others in their order; long lines cut.
const MARKED = /^(FAILED|FAIL|MISSING|INCONCLUSIVE)\b/;

export function keyEvidence(evidence: readonly string[], count: number, lineLimit = 240): string[] {
  const marked = evidence.filter((line) => MARKED.test(line));
  const rest = evidence.filter((line) => !MARKED.test(line));
  return [...marked, ...rest]
    .slice(0, count)
    .map((line) => (line.length > lineLimit ? `${line.slice(0, lineLimit)}…` : line));
}
