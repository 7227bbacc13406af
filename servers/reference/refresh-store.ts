// Refresh-token families and rotation (RFC 9700 section 4.14.2).
// Each refresh token works once; presenting a used one revokes its whole family (reuse detection).
// Rotation is synchronous, so two concurrent refreshes of one token can never both win.
// Fair under pressure: a user past `maxTokensPerUser` loses only their own oldest tokens; at `maxTokens` a new
// grant is refused (503 + Retry-After) and nobody is evicted, while a rotation forgets its own family's oldest
// spent token instead of growing the store. Expired tokens are purged in slices that leave the event loop
// free (purge.ts); each family remembers at most `historyLimit` spent tokens.
import { storeFull } from './errors.ts';
import { purgeInSlices } from './purge.ts';
import { ShardedMap } from './sharded-map.ts';
import { TokenQueue, type Queued } from './token-queue.ts';
import { newToken } from './tokens.ts';

export interface Family {
  clientId: string;
  username: string;
  revoked: boolean;
  used: string[];
  current?: string;
}
interface RefreshRecord extends Queued<RefreshRecord> {
  token: string;
  family: Family;
  expiresAt: number;
  used: boolean;
}

export type Rotation =
  | { outcome: 'rotated'; family: Family; refreshToken: string }
  | { outcome: 'unknown' }
  | { outcome: 'expired' }
  | { outcome: 'reused'; family: Family };

export interface StoreLimits {
  ttlMs: number;
  historyLimit: number;
  /** Tokens held in all, live and spent. */
  maxTokens: number;
  /** Tokens held for one username; past it, that user's oldest token is forgotten. */
  maxTokensPerUser: number;
  /** What a refused grant is told to wait, in seconds (Retry-After). */
  retryAfterSeconds: number;
  /** The longest stretch one purge slice holds the event loop, in milliseconds. */
  purgeSliceMs: number;
}

export class RefreshStore {
  private readonly tokens = new ShardedMap<RefreshRecord>();
  private readonly users = new Map<string, TokenQueue<RefreshRecord>>();
  private purging: Promise<number> | undefined;

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.tokens.size;
  }

  /** Starts a new family (a password grant) and returns its first refresh token; 503 when the store is full. */
  issue(clientId: string, username: string): string {
    this.makeRoomForGrant(username);
    return this.add({ clientId, username, revoked: false, used: [] });
  }

  /** Registers a given token value as live (provider states); `used` marks it as already spent. */
  register(token: string, clientId: string, username: string, used = false): void {
    this.forget(token);
    this.makeRoomForGrant(username);
    const family: Family = { clientId, username, revoked: false, used: used ? [token] : [] };
    if (!used) family.current = token;
    this.keep(token, family, used);
  }

  rotate(token: string): Rotation {
    const record = this.tokens.get(token);
    if (!record) return { outcome: 'unknown' };
    if (this.now() >= record.expiresAt) {
      this.drop(record);
      return { outcome: 'expired' };
    }
    if (record.used) {
      this.revoke(record.family);
      return { outcome: 'reused', family: record.family };
    }
    record.used = true;
    this.remember(record.family, token);
    this.makeRoomForRotation(record.family);
    return { outcome: 'rotated', family: record.family, refreshToken: this.add(record.family) };
  }

  /** Drops every token of the family: the live one stops working, replays become unknown. */
  revoke(family: Family): void {
    family.revoked = true;
    for (const token of family.used) this.forget(token);
    this.forget(family.current);
    family.used = [];
  }

  /** Drops expired tokens, slice by slice; resolves with how many. One purge runs at a time. */
  purgeExpired(): Promise<number> {
    const now = this.now();
    this.purging ??= purgeInSlices(
      this.tokens.values(),
      (record) => now >= record.expiresAt,
      (record) => this.drop(record),
      this.limits.purgeSliceMs,
    ).finally(() => (this.purging = undefined));
    return this.purging;
  }

  private makeRoomForGrant(username: string): void {
    const own = this.users.get(username);
    if (own?.oldest && own.size >= this.limits.maxTokensPerUser) return this.drop(own.oldest);
    if (this.tokens.size >= this.limits.maxTokens) throw storeFull(this.limits.retryAfterSeconds);
  }

  private makeRoomForRotation(family: Family): void {
    const own = this.users.get(family.username);
    if (own?.oldest && own.size >= this.limits.maxTokensPerUser) return this.drop(own.oldest);
    if (this.tokens.size >= this.limits.maxTokens) this.forget(family.used.shift());
  }

  private add(family: Family): string {
    const token = newToken();
    family.current = token;
    this.keep(token, family, false);
    return token;
  }

  private keep(token: string, family: Family, used: boolean): void {
    const record: RefreshRecord = {
      token,
      family,
      expiresAt: this.now() + this.limits.ttlMs,
      used,
      older: undefined,
      newer: undefined,
    };
    this.tokens.set(token, record);
    let own = this.users.get(family.username);
    if (!own) this.users.set(family.username, (own = new TokenQueue()));
    own.push(record);
  }

  private remember(family: Family, token: string): void {
    family.used.push(token);
    while (family.used.length > this.limits.historyLimit) this.forget(family.used.shift());
  }

  private forget(token: string | undefined): void {
    const record = token === undefined ? undefined : this.tokens.get(token);
    if (record) this.drop(record);
  }

  private drop(record: RefreshRecord): void {
    this.tokens.delete(record.token);
    const own = this.users.get(record.family.username);
    if (!own) return;
    own.remove(record);
    if (own.size === 0) this.users.delete(record.family.username);
  }
}
