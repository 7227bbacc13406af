import { WRONG_PASSWORD } from '../../../schemas/documented-api.ts';
import { rejectsEvery } from './rejections.ts';

export const rejectsWrongPassword = rejectsEvery('TOKEN-04', 'A wrong password is rejected with a 4xx and no token', [
  ['wrong password', { password: WRONG_PASSWORD }],
  ['password with a different case', { password: 'X' + WRONG_PASSWORD.toUpperCase() }],
  ['unknown username', { username: 'no-such-user-3b1e@example.invalid' }],
]);
