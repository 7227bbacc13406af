// Refresh sessions: every refresh token works once and is replaced (rotation). Presenting a used one
// revokes the whole session (reuse detection), except inside the optional grace window (ORY Hydra style):
// for `graceMs` after its first use, the rotated-out token may be presented again and gets a NEW pair of
// its own (a retry after a lost response), as long as none of its successors has been used. Never the same
// pair twice: two holders of one pair could not be told apart (RFC 9700 §4.14.2). Concurrent refreshes of
// one token inside the window each receive a distinct pair; without a window exactly one of them succeeds.

export interface Pair {
  token: string;
  refreshToken: string;
  expiresIn: number;
}

interface Session {
  clientId: string;
  username: string;
  revoked: boolean;
  tokens: string[];
}
interface Entry {
  session: Session;
  expiresAt: number;
  /** When the token was first used, and the refresh tokens issued for it since. */
  rotated?: { at: number; successors: string[] };
}

export type Redemption =
  { ok: true; pair: Pair } | { ok: false; reason: 'unknown' | 'expired' | 'reused' | 'wrong-client' };

export interface SessionSettings {
  accessTtlSeconds: number;
  refreshTtlMs: number;
  graceMs: number;
  newToken: () => string;
  now: () => number;
}

const HISTORY = 100;
const SWEEP_EVERY = 1000;

export class Sessions {
  private readonly entries = new Map<string, Entry>();
  private issued = 0;

  constructor(private readonly settings: SessionSettings) {}

  start(clientId: string, username: string): Pair {
    return this.pair({ clientId, username, revoked: false, tokens: [] });
  }

  redeem(refreshToken: string, clientId: string | undefined): Redemption {
    const entry = this.entries.get(refreshToken);
    const now = this.settings.now();
    if (!entry || entry.session.revoked) return { ok: false, reason: 'unknown' };
    if (now >= entry.expiresAt) return { ok: false, reason: 'expired' };
    const { session, rotated } = entry;
    if (clientId !== undefined && clientId !== session.clientId) return this.revoke(session, 'wrong-client');
    if (!rotated) {
      const pair = this.pair(session);
      entry.rotated = { at: now, successors: [pair.refreshToken] };
      return { ok: true, pair };
    }
    const unused = (token: string) => this.entries.get(token)?.rotated === undefined && this.entries.has(token);
    const inGrace = now - rotated.at < this.settings.graceMs && rotated.successors.every(unused);
    if (!inGrace) return this.revoke(session, 'reused');
    const pair = this.pair(session);
    rotated.successors.push(pair.refreshToken);
    return { ok: true, pair };
  }

  private pair(session: Session): Pair {
    const refreshToken = this.settings.newToken();
    session.tokens.push(refreshToken);
    if (session.tokens.length > HISTORY) this.entries.delete(session.tokens.shift()!);
    this.entries.set(refreshToken, { session, expiresAt: this.settings.now() + this.settings.refreshTtlMs });
    if (++this.issued % SWEEP_EVERY === 0) this.sweep();
    return { token: this.settings.newToken(), refreshToken, expiresIn: this.settings.accessTtlSeconds };
  }

  private revoke(session: Session, reason: 'reused' | 'wrong-client'): Redemption {
    session.revoked = true;
    for (const token of session.tokens) this.entries.delete(token);
    session.tokens = [];
    return { ok: false, reason };
  }

  private sweep(): void {
    const now = this.settings.now();
    for (const [token, entry] of this.entries) if (now >= entry.expiresAt) this.entries.delete(token);
  }
}
