import { rejectsEvery } from './rejections.ts';

export const rejectsMissingCredentials = rejectsEvery(
  'TOKEN-07',
  'A missing or empty username or password is rejected with a 4xx and no token',
  [
    ['missing username', { username: undefined }],
    ['empty username', { username: '' }],
    ['missing password', { password: undefined }],
    ['empty password (unknown username: an empty password may count as a failed login)', { password: '' }, 'ghost'],
  ],
);
