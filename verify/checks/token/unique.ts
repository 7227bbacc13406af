import { Evidence, type Check } from '../../check.ts';

/** Runs last: every token the run saw, from every check, must be new. */
export const unique: Check = {
  id: 'TOKEN-12',
  title: 'Every token issued during the run is unique',
  level: 'MUST',
  source: 'RFC 6749 §10.10; docs: refresh returns a new pair',
  async run(probe) {
    const e = new Evidence();
    e.expect(probe.repeats.length === 0, `${probe.tokens.size} distinct tokens seen, ${probe.repeats.length} repeated`);
    for (const line of [...new Set(probe.repeats)].slice(0, 5)) e.note(line);
    return e.done();
  },
};
