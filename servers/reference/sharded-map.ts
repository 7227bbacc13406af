// A Map split into 256 smaller Maps by a hash of the key's last two characters. A JavaScript Map rehashes
// itself in one synchronous step when it grows or shrinks: at a million entries that step alone blocks the
// event loop for 100-300 ms (seen while purging); a shard of ~4,000 entries rehashes in well under 1 ms.
const SHARDS = 256;

export class ShardedMap<V> {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
  size = 0;

  get(key: string): V | undefined {
    return this.shard(key).get(key);
  }

  set(key: string, value: V): void {
    const shard = this.shard(key);
    if (!shard.has(key)) this.size += 1;
    shard.set(key, value);
  }

  delete(key: string): boolean {
    const deleted = this.shard(key).delete(key);
    if (deleted) this.size -= 1;
    return deleted;
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  private shard(key: string): Map<string, V> {
    return this.shards[(key.charCodeAt(key.length - 1) * 31 + key.charCodeAt(key.length - 2)) & (SHARDS - 1)]!;
  }
}
