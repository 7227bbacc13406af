// Lockout-safe probing. Production auth servers lock a user after a few failed logins (Cognito after 5, Okta
// and Auth0 after about 10). The run counts every request it sends that names the configured username with a
// password that is not the configured one, and sends at most MAX_FAILED_LOGINS of them; every other
// wrong-credential case uses a username that cannot exist (GHOST, new each run). When a login with the right
// credentials, which worked earlier in the run, is refused after the run's own failed logins, the account
// appears locked: the run stops sending and says so, never blaming the server.
import { randomUUID } from 'node:crypto';
import { PATHS, type Credentials } from '../schemas/documented-api.ts';

/** Below every common lockout threshold (Cognito 5, Okta and Auth0 about 10). */
const MAX_FAILED_LOGINS = 3;

export type LoginKind = 'wrong-password' | 'right' | 'other';

/** Not sent: the run has stopped, the account it tests appears locked. */
export class AccountLocked extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'AccountLocked';
  }
}

/** Not sent: one more failed login on the configured account would go past MAX_FAILED_LOGINS. */
export class FailedLoginsSpent extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'FailedLoginsSpent';
  }
}

export interface LoginRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A username no server can have: the reserved .invalid domain (RFC 2606), random per run. */
function ghostUsername(): string {
  return `no-such-user-${randomUUID().slice(0, 13)}@token-suite.invalid`;
}

/**
 * 'wrong-password': a form POST to the token path naming the configured username with any password that is not
 * the configured one (empty included); 'right': exactly the documented grant with the configured credentials.
 */
export function loginKind(request: LoginRequest, credentials: Credentials): LoginKind {
  if (request.method !== 'POST' || request.body === undefined) return 'other';
  const url = new URL(request.url);
  if (url.pathname !== PATHS.token || url.search !== '') return 'other';
  const type = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (!/^application\/x-www-form-urlencoded\b/i.test(type ?? '')) return 'other';
  const form = new URLSearchParams(Buffer.from(request.body).toString('utf8'));
  if (!form.getAll('username').includes(credentials.username)) return 'other';
  const passwords = form.getAll('password');
  if (passwords.some((p) => p !== credentials.password)) return 'wrong-password';
  const expected: [string, string][] = [
    ['grantType', 'password'],
    ['clientId', credentials.clientId],
    ['username', credentials.username],
    ['password', credentials.password],
  ];
  const fields = [...form.entries()];
  const exact =
    fields.length === expected.length && expected.every(([k, v]) => form.getAll(k).length === 1 && form.get(k) === v);
  return exact ? 'right' : 'other';
}

/** The run's ledger of failed logins on the configured account, shared by every layer. */
export class FailedLogins {
  /** Failed logins this run sent on the configured account. */
  attempts = 0;
  /** The wrong-credential username of this run: it cannot exist. */
  readonly ghost = ghostUsername();
  private worked = false;
  private lockedSentence: string | undefined;

  constructor(
    readonly credentials: Credentials,
    readonly max = MAX_FAILED_LOGINS,
  ) {}

  get locked(): string | undefined {
    return this.lockedSentence;
  }

  kindOf(request: LoginRequest): LoginKind {
    return loginKind(request, this.credentials);
  }

  /** Before sending: throws when the run stopped (locked) or this failed login would pass the limit. */
  admit(kind: LoginKind): void {
    if (this.lockedSentence) throw new AccountLocked(`not sent: ${this.lockedSentence}`);
    if (kind !== 'wrong-password') return;
    if (this.attempts >= this.max) {
      throw new FailedLoginsSpent(
        `not sent: the run already made ${this.attempts} failed logins on ${this.credentials.username}, its limit ` +
          `(${this.max}, below common lockout thresholds)`,
      );
    }
    this.attempts += 1;
  }

  /** After the answer: a right login refused after the run's own failed logins means the account locked. */
  observe(kind: LoginKind, status: number): void {
    if (kind !== 'right') return;
    if (status >= 200 && status < 300) {
      this.worked = true;
      return;
    }
    if (status < 400 || status >= 500 || status === 429 || !this.worked || this.attempts === 0) return;
    this.lockedSentence =
      `the account appears locked after ${this.attempts} failed logins by this run: use a dedicated test account or ` +
      `exempt it from brute-force protection (the right password, accepted earlier in the run, got ${status})`;
    throw new AccountLocked(this.lockedSentence);
  }
}
