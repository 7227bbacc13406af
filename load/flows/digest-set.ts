// Which tokens were issued before, by 64-bit digest (digest.ts), in fixed memory: open addressing over
// two Int32Arrays that grow (doubling) up to `capacity` tokens, kept at most half full. Every token up
// to `capacity` is compared exactly with every earlier one (equal tokens always have equal digests;
// two different tokens share one with probability ~n²/2^65). Past capacity nothing more is stored, but
// each further token is still compared with the ones stored. Plain JS: k6 bundles it (one set per VU).
import { digestOf } from './digest.ts';

export interface UniquenessFigures {
  /** Tokens looked up (every issued token). */
  checked: number;
  /** Tokens stored, each compared with every earlier one; at most `capacity`. */
  remembered: number;
  capacity: number;
  /** Bytes the set may occupy at capacity. */
  memoryBytes: number;
}

export interface TokenSet {
  /** False when the token was seen before (by digest). */
  add(token: string): boolean;
  figures(): UniquenessFigures;
}

const DEFAULT_SET_CAPACITY = 65_536;
const INITIAL_SLOTS = 1024;

/** Slots for `capacity` tokens at most half full: a power of two. */
export function slotsFor(capacity: number): number {
  let slots = INITIAL_SLOTS;
  while (slots < capacity * 2) slots *= 2;
  return slots;
}

export class DigestSet implements TokenSet {
  private hi: Int32Array;
  private lo: Int32Array;
  private remembered = 0;
  private checked = 0;

  constructor(private readonly capacity = DEFAULT_SET_CAPACITY) {
    this.hi = new Int32Array(INITIAL_SLOTS);
    this.lo = new Int32Array(INITIAL_SLOTS);
  }

  add(token: string): boolean {
    const digest = digestOf(token);
    return this.addDigest(digest.hi, digest.lo);
  }

  /** A digest computed elsewhere (the k6 collector's 16 hex digits as two 32-bit halves). */
  addDigest(digestHi: number, digestLo: number): boolean {
    this.checked += 1;
    const hi = digestHi | 0;
    const lo = hi === 0 && digestLo === 0 ? 1 : digestLo | 0; // (0, 0) marks an empty slot
    const slot = this.find(hi, lo);
    if (this.hi[slot] === hi && this.lo[slot] === lo) return false;
    if (this.remembered >= this.capacity) return true;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.remembered += 1;
    if (this.remembered * 2 > this.hi.length && this.hi.length < slotsFor(this.capacity)) this.grow();
    return true;
  }

  figures(): UniquenessFigures {
    return {
      checked: this.checked,
      remembered: this.remembered,
      capacity: this.capacity,
      memoryBytes: slotsFor(this.capacity) * 8,
    };
  }

  /** The slot holding (hi, lo), or the empty slot where it belongs. */
  private find(hi: number, lo: number): number {
    const mask = this.hi.length - 1;
    let slot = lo & mask;
    while ((this.hi[slot] !== 0 || this.lo[slot] !== 0) && (this.hi[slot] !== hi || this.lo[slot] !== lo))
      slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [hi, lo] = [this.hi, this.lo];
    this.hi = new Int32Array(hi.length * 2);
    this.lo = new Int32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i += 1) {
      if (hi[i] === 0 && lo[i] === 0) continue;
      const slot = this.find(hi[i] as number, lo[i] as number);
      this.hi[slot] = hi[i] as number;
      this.lo[slot] = lo[i] as number;
    }
  }
}
