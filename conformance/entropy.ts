// Estimates how much randomness a set of tokens carries: the sum, over character positions,
// of the Shannon entropy of the characters seen at that position across the sample.
// Sequential, time-based or partly constant tokens score far below truly random ones.

export function columnEntropyBits(samples: readonly string[]): number {
  if (samples.length < 2) return 0;
  const width = Math.min(...samples.map((s) => s.length));
  let bits = 0;
  for (let column = 0; column < width; column += 1) {
    const counts = new Map<string, number>();
    for (const sample of samples) counts.set(sample[column]!, (counts.get(sample[column]!) ?? 0) + 1);
    for (const count of counts.values()) {
      const p = count / samples.length;
      bits -= p * Math.log2(p);
    }
  }
  return bits;
}

/** Positions whose character never changed across the sample. */
export function constantColumns(samples: readonly string[]): number {
  if (samples.length < 2) return 0;
  const width = Math.min(...samples.map((s) => s.length));
  let constant = 0;
  for (let column = 0; column < width; column += 1)
    if (samples.every((s) => s[column] === samples[0]![column])) constant += 1;
  return constant;
}
