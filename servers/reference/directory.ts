// The registered clients and users. Passwords are hashed as they are added; lookups await the hash.
import { DOCUMENTED_CREDENTIALS, DOCUMENTED_PAIR } from '../../schemas/documented-api.ts';
import { hashPassword, verifyPassword, type PasswordHash } from './passwords.ts';

export interface Seed {
  clients: string[];
  users: { username: string; password: string }[];
  /** Refresh tokens that are live from the start (the documented example's, so its curl works verbatim once). */
  refreshTokens?: { refreshToken: string; clientId: string; username: string }[];
}

/** The documented example client and user: the default seed, so the docs' curl examples work verbatim. */
export const DOCUMENTED_SEED: Seed = {
  clients: [DOCUMENTED_CREDENTIALS.clientId],
  users: [{ username: DOCUMENTED_CREDENTIALS.username, password: DOCUMENTED_CREDENTIALS.password }],
  refreshTokens: [
    {
      refreshToken: DOCUMENTED_PAIR.refreshToken,
      clientId: DOCUMENTED_CREDENTIALS.clientId,
      username: DOCUMENTED_CREDENTIALS.username,
    },
  ],
};

export class Directory {
  private readonly clients = new Set<string>();
  private readonly users = new Map<string, Promise<PasswordHash>>();
  private dummy: Promise<PasswordHash> | undefined;

  constructor(private readonly scryptCost: number) {}

  seed(seed: Seed): void {
    for (const clientId of seed.clients) this.addClient(clientId);
    for (const { username, password } of seed.users) this.addUser(username, password);
  }

  addClient(clientId: string): void {
    this.clients.add(clientId);
  }

  removeClient(clientId: string): void {
    this.clients.delete(clientId);
  }

  hasClient(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  addUser(username: string, password: string): void {
    const hash = hashPassword(password, this.scryptCost);
    hash.catch(() => undefined); // surfaced on the first login attempt instead
    this.users.set(username, hash);
  }

  removeUser(username: string): void {
    this.users.delete(username);
  }

  /** True when the user exists and the password matches. Unknown users cost as much time as known ones. */
  async authenticate(username: string, password: string): Promise<boolean> {
    const stored = this.users.get(username);
    if (stored) return verifyPassword(password, await stored);
    this.dummy ??= hashPassword('not a password', this.scryptCost);
    await verifyPassword(password, await this.dummy);
    return false;
  }
}
