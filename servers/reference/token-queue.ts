// A user's tokens, oldest first: a doubly linked list threaded through the records themselves, so adding,
// removing any one, and finding the oldest are O(1) however many tokens the user holds.

export interface Queued<T> {
  older?: T | undefined;
  newer?: T | undefined;
}

export class TokenQueue<T extends Queued<T>> {
  oldest: T | undefined;
  private newest: T | undefined;
  size = 0;

  push(item: T): void {
    item.older = this.newest;
    item.newer = undefined;
    if (this.newest) this.newest.newer = item;
    else this.oldest = item;
    this.newest = item;
    this.size += 1;
  }

  remove(item: T): void {
    if (item.older) item.older.newer = item.newer;
    else this.oldest = item.newer;
    if (item.newer) item.newer.older = item.older;
    else this.newest = item.older;
    item.older = item.newer = undefined;
    this.size -= 1;
  }
}
