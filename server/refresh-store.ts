// Refresh-token families and rotation (RFC 9700 section 4.14.2).
// Each refresh token works once; presenting a used one revokes its whole family (reuse detection).
// Rotation is synchronous, so two concurrent refreshes of one token can never both win.
// Memory stays bounded: expired tokens are purged, revoked families are dropped at once,
// each family remembers at most `historyLimit` used tokens, and the store at most `maxTokens` tokens.
import { newToken } from './tokens.ts';

export interface Family {
  clientId: string;
  username: string;
  revoked: boolean;
  used: string[];
  current?: string;
}
interface RefreshRecord {
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
  maxTokens: number;
}

export class RefreshStore {
  private readonly tokens = new Map<string, RefreshRecord>();

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.tokens.size;
  }

  /** Starts a new family (a password grant) and returns its first refresh token. */
  issue(clientId: string, username: string): string {
    return this.add({ clientId, username, revoked: false, used: [] });
  }

  /** Registers a given token value as live (provider states); `used` marks it as already spent. */
  register(token: string, clientId: string, username: string, used = false): void {
    const family: Family = {
      clientId,
      username,
      revoked: false,
      used: used ? [token] : [],
      current: used ? undefined : token,
    };
    this.tokens.set(token, { family, expiresAt: this.now() + this.limits.ttlMs, used });
  }

  rotate(token: string): Rotation {
    const record = this.tokens.get(token);
    if (!record) return { outcome: 'unknown' };
    if (this.now() >= record.expiresAt) {
      this.tokens.delete(token);
      return { outcome: 'expired' };
    }
    if (record.used) {
      this.revoke(record.family);
      return { outcome: 'reused', family: record.family };
    }
    record.used = true;
    this.remember(record.family, token);
    return { outcome: 'rotated', family: record.family, refreshToken: this.add(record.family) };
  }

  /** Drops every token of the family: the live one stops working, replays become unknown. */
  revoke(family: Family): void {
    family.revoked = true;
    for (const token of family.used) this.tokens.delete(token);
    if (family.current !== undefined) this.tokens.delete(family.current);
    family.used = [];
  }

  purgeExpired(): number {
    const now = this.now();
    let purged = 0;
    for (const [token, record] of this.tokens) {
      if (now >= record.expiresAt) {
        this.tokens.delete(token);
        purged += 1;
      }
    }
    return purged;
  }

  private add(family: Family): string {
    const token = newToken();
    family.current = token;
    this.tokens.set(token, { family, expiresAt: this.now() + this.limits.ttlMs, used: false });
    this.evictOverflow();
    return token;
  }

  private remember(family: Family, token: string): void {
    family.used.push(token);
    while (family.used.length > this.limits.historyLimit) this.tokens.delete(family.used.shift()!);
  }

  /** Map order is insertion order: the oldest tokens go first. */
  private evictOverflow(): void {
    for (const token of this.tokens.keys()) {
      if (this.tokens.size <= this.limits.maxTokens) return;
      this.tokens.delete(token);
    }
  }
}
