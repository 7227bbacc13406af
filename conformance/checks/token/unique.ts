import type { Check } from '../../check.ts';

/** Fewer tokens than this prove little about uniqueness (the checks before it issue about 300). */
const MIN_TOKENS_SEEN = 100;

/** Runs last: every token the run saw, from every check, must be new. */
export const unique: Check = {
  id: 'TOKEN-12',
  title: 'Every token issued during the run is unique',
  level: 'MUST',
  source: 'RFC 6749 §10.10; docs: refresh returns a new pair',
  minimum: `${MIN_TOKENS_SEEN} tokens seen over the run (a handful of tokens shows nothing about a generator)`,
  run(probe, e) {
    const seen = `${probe.tokens.size} distinct tokens seen, ${probe.repeats.length} repeated`;
    if (probe.repeats.length === 0 && probe.tokens.size < MIN_TOKENS_SEEN) {
      e.lacking(`${seen}; at least ${MIN_TOKENS_SEEN} are needed`);
      return;
    }
    e.expect(probe.repeats.length === 0, seen);
    for (const line of [...new Set(probe.repeats)].slice(0, 5)) e.note(line);
  },
};
