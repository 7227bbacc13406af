// Samples access and refresh tokens from logins and refresh chains, and estimates their entropy.
import type { Check } from '../../check.ts';
import { columnEntropyBits, constantColumns } from '../../entropy.ts';
import type { Probe } from '../../probe.ts';

/** RFC 6749 §10.10: guessing a token must succeed with probability at most 2^-128. */
const MIN_BITS = 128;
/** Samples of each kind: with fewer, a counter or a clock can still look random column by column. */
const SAMPLES = 64;
const ROTATIONS = 7;

export const unpredictable: Check = {
  id: 'TOKEN-11',
  title: `Tokens are unpredictable: at least ${MIN_BITS} bits of estimated entropy`,
  level: 'MUST',
  source: 'RFC 6749 §10.10; RFC 6819 §5.1.4.2.2',
  minimum: `${SAMPLES} access and ${SAMPLES} refresh tokens (fewer can make a counter or a clock look random)`,
  async run(probe, e) {
    const { access, refresh } = await sample(probe);
    for (const [kind, tokens] of [
      ['access tokens', access],
      ['refresh tokens', refresh],
    ] as const) {
      if (tokens.length < SAMPLES) {
        e.lacking(`${kind}: only ${tokens.length} samples, ${SAMPLES} are needed`);
        continue;
      }
      const bits = columnEntropyBits(tokens);
      const constant = constantColumns(tokens);
      e.expect(
        bits >= MIN_BITS,
        `${kind}: ~${Math.round(bits)} bits estimated over ${tokens.length} samples ` +
          `(${constant} positions never changed)`,
      );
    }
  },
};

/** Chains of refreshes from several logins; more logins when refreshes do not issue pairs. */
async function sample(probe: Probe): Promise<{ access: string[]; refresh: string[] }> {
  const access: string[] = [];
  const refresh: string[] = [];
  for (let logins = 0; logins < SAMPLES && (access.length < SAMPLES || refresh.length < SAMPLES); logins += 1) {
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
  return { access: access.slice(0, SAMPLES), refresh: refresh.slice(0, SAMPLES) };
}
