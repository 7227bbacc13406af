import type { Mutant } from '../types.ts';

export const nulPaddedPassword: Mutant = {
  name: 'nul-padded-password',
  category: 'auth-bypass',
  defect:
    'Passwords go into scrypt/PBKDF2 unhashed: HMAC zero-pads short keys, ' +
    'so the password followed by NUL bytes is accepted too.',
  violates: ['conformance:ROBUST-02 (a NUL byte after the real password)'],
  expected: 'fail',
  extend({ directory }) {
    // Behaves exactly like raw scrypt(password) for passwords up to 64 bytes: trailing NULs do not count.
    const authenticate = directory.authenticate.bind(directory);
    directory.authenticate = (username, password) => authenticate(username, password.replace(/\0+$/, ''));
  },
};
