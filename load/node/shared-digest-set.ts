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
  /** [0]: tokens stored. */
  counts: SharedArrayBuffer;
  capacity: number;
}

export function createSharedDigestSet(capacity: number): SharedDigestSetHandle {
  return {
    table: new SharedArrayBuffer(slotsFor(capacity) * 8),
    counts: new SharedArrayBuffer(4),
    capacity,
  };
}

export class SharedDigestSet implements TokenSet {
  /** The table as 64-bit slots (for the atomic claim) and as 32-bit halves (for plain, allocation-free reads). */
  private readonly slots: BigInt64Array;
  private readonly halves: Int32Array;
  private readonly counts: Int32Array;
  private readonly mask: number;
  private readonly capacity: number;
  private readonly scratch = new Int32Array(2);
  private readonly key = new BigInt64Array(this.scratch.buffer);
  /** Tokens looked up through this instance (one per worker); the engine adds them up. */
  checkedHere = 0;

  constructor(handle: SharedDigestSetHandle) {
    this.slots = new BigInt64Array(handle.table);
    this.halves = new Int32Array(handle.table);
    this.counts = new Int32Array(handle.counts);
    this.mask = this.slots.length - 1;
    this.capacity = handle.capacity;
  }

  /**
   * Both halves of a stored key are nonzero (a zero half is made 1: digests that differ only there are
   * merged, at odds of 2^-32), so a slot read with exactly one zero half is being written right now by
   * another worker: it is read again atomically. Only storing takes a 64-bit compare-and-exchange.
   */
  add(token: string): boolean {
    this.checkedHere += 1;
    const digest = digestOf(token);
    const lo = digest.lo | 0 || 1;
    const hi = digest.hi | 0 || 1;
    let ticket = false; // a claim on one of the `capacity` places, taken before storing
    for (let slot = lo & this.mask; ; slot = (slot + 1) & this.mask) {
      let low = this.halves[2 * slot] as number;
      let high = this.halves[2 * slot + 1] as number;
      if ((low === 0) !== (high === 0)) {
        this.settle(slot);
        [low, high] = [this.scratch[0] as number, this.scratch[1] as number];
      }
      if (low === lo && high === hi) return this.release(ticket, false);
      if (low !== 0) continue;
      if (!ticket) {
        if (Atomics.add(this.counts, 0, 1) >= this.capacity) return this.release(true, true);
        ticket = true;
      }
      this.scratch[0] = lo;
      this.scratch[1] = hi;
      const before = Atomics.compareExchange(this.slots, slot, 0n, this.key[0] as bigint);
      if (before === 0n) return true;
      if (before === this.key[0]) return this.release(true, false); // another worker stored it just now
    }
  }

  figures(): UniquenessFigures {
    return {
      checked: this.checkedHere,
      remembered: Atomics.load(this.counts, 0),
      capacity: this.capacity,
      memoryBytes: this.slots.byteLength,
    };
  }

  /** A slot's halves into `scratch`, read through one atomic 64-bit load. */
  private settle(slot: number): void {
    this.key[0] = Atomics.load(this.slots, slot);
  }

  private release(ticket: boolean, result: boolean): boolean {
    if (ticket) Atomics.sub(this.counts, 0, 1);
    return result;
  }
}
