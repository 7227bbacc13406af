// Registered clients and users; passwords kept as salted PBKDF2-SHA256 hashes, compared in constant time.
// The password is SHA-256'd first: HMAC zero-pads short keys, so raw PBKDF2 hashes "pw" and "pw\0" alike
// (the suite's hostile-input check caught exactly that here).
import { createHash, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);
const derive = (password: string, salt: Buffer, iterations: number, length: number) =>
  pbkdf2Async(createHash('sha256').update(password, 'utf8').digest(), salt, iterations, length, 'sha256');

export interface AltSeed {
  clients: string[];
  users: { username: string; password: string }[];
}

interface Hash {
  salt: Buffer;
  key: Buffer;
}

export class Accounts {
  private readonly clients: Set<string>;
  private readonly users = new Map<string, Promise<Hash>>();
  private readonly decoy: Promise<Hash>;

  constructor(
    seed: AltSeed,
    private readonly iterations: number,
  ) {
    this.clients = new Set(seed.clients);
    for (const { username, password } of seed.users) this.users.set(username, this.hash(password));
    this.decoy = this.hash(randomBytes(16).toString('hex'));
  }

  isClient(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  /** Unknown users are checked against a decoy hash, so they take as long as known ones. */
  async verify(username: string, password: string): Promise<boolean> {
    const known = this.users.get(username);
    const { salt, key } = await (known ?? this.decoy);
    const candidate = await derive(password, salt, this.iterations, key.length);
    return timingSafeEqual(candidate, key) && known !== undefined;
  }

  private async hash(password: string): Promise<Hash> {
    const salt = randomBytes(16);
    return { salt, key: await derive(password, salt, this.iterations, 32) };
  }
}
