// Samples access and refresh tokens from logins and refresh chains, and estimates their entropy.
import { columnEntropyBits, constantColumns } from '../../entropy.ts';
import { Evidence, type Check } from '../../check.ts';

/** RFC 6749 §10.10: guessing a token must succeed with probability at most 2^-128. */
export const MIN_BITS = 128;
const LOGINS = 8;
const ROTATIONS = 7;

export const unpredictable: Check = {
  id: 'TOKEN-11',
  title: `Tokens are unpredictable: at least ${MIN_BITS} bits of estimated entropy`,
  level: 'MUST',
  source: 'RFC 6749 §10.10; RFC 6819 §5.1.4.2.2',
  async run(probe) {
    const access: string[] = [];
    const refresh: string[] = [];
    for (let i = 0; i < LOGINS; i += 1) {
      let pair = await probe.login();
      access.push(pair.token);
      refresh.push(pair.refreshToken);
      for (let r = 0; r < ROTATIONS; r += 1) {
        const next = (await probe.refresh(pair.refreshToken)).issued;
        if (!next) break;
        pair = next;
        access.push(pair.token);
        refresh.push(pair.refreshToken);
      }
    }
    const e = new Evidence();
    for (const [kind, sample] of [
      ['access tokens', access],
      ['refresh tokens', refresh],
    ] as const) {
      const bits = columnEntropyBits(sample);
      e.expect(
        bits >= MIN_BITS,
        `${kind}: ~${Math.round(bits)} bits estimated over ${sample.length} samples (${constantColumns(sample)} positions never changed)`,
      );
    }
    return e.done();
  },
};
