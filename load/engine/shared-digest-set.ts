// The issued-token set of the Node engine, shared by its worker threads: the 64-bit digests (flows/digest.ts)
// in one open-addressing table over a SharedArrayBuffer, claimed slot by slot with Atomics.compareExchange,
// so a token issued to two different workers is caught as surely as one issued twice to the same worker.
// Fixed memory, allocated once (8 bytes a slot, at most half full; the OS maps pages as they are touched):
// up to `capacity` tokens every one is compared exactly with every earlier one; past it, nothing more is
// stored but each further token is still compared with the stored ones.
import { digestOf } from '../flows/digest.ts';
import { slotsFor, type TokenSet, type UniquenessFigures } from '../flows/digest-set.ts';

/** What crosses to a worker thread (SharedArrayBuffers are shared, not copied). */
export interface SharedDigestSetHandle {
  table: SharedArrayBuffer;
  /** [0]: tokens stored, [1]: tokens looked up. */
  counts: SharedArrayBuffer;
  capacity: number;
}

export function createSharedDigestSet(capacity: number): SharedDigestSetHandle {
  return {
    table: new SharedArrayBuffer(slotsFor(capacity) * 8),
    counts: new SharedArrayBuffer(8),
    capacity,
  };
}

export class SharedDigestSet implements TokenSet {
  private readonly table: BigInt64Array;
  private readonly counts: Int32Array;
  private readonly mask: number;
  private readonly capacity: number;
  private readonly scratch = new Int32Array(2);
  private readonly key = new BigInt64Array(this.scratch.buffer);
  /** Tokens looked up through this instance (one per worker). */
  checkedHere = 0;

  constructor(handle: SharedDigestSetHandle) {
    this.table = new BigInt64Array(handle.table);
    this.counts = new Int32Array(handle.counts);
    this.mask = this.table.length - 1;
    this.capacity = handle.capacity;
  }

  add(token: string): boolean {
    this.checkedHere += 1;
    Atomics.add(this.counts, 1, 1);
    const { hi, lo } = digestOf(token);
    this.scratch[0] = hi === 0 && lo === 0 ? 1 : lo;
    this.scratch[1] = hi;
    const key = this.key[0] as bigint;
    let ticket = false; // a claim on one of the `capacity` places, taken before storing
    for (let slot = lo & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = Atomics.load(this.table, slot);
      if (held === key) return this.release(ticket, false);
      if (held !== 0n) continue;
      if (!ticket) {
        if (Atomics.add(this.counts, 0, 1) >= this.capacity) return this.release(true, true);
        ticket = true;
      }
      const before = Atomics.compareExchange(this.table, slot, 0n, key);
      if (before === 0n) return true;
      if (before === key) return this.release(true, false); // another worker stored the same token just now
    }
  }

  private release(ticket: boolean, result: boolean): boolean {
    if (ticket) Atomics.sub(this.counts, 0, 1);
    return result;
  }

  figures(): UniquenessFigures {
    return {
      checked: Atomics.load(this.counts, 1),
      remembered: Atomics.load(this.counts, 0),
      capacity: this.capacity,
      memoryBytes: this.table.byteLength,
    };
  }
}
